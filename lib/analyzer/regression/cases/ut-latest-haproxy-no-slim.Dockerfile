# pattern: haproxy:latest pinned advice must not invent a -slim tag (haproxy publishes none)
# source: nginx/docker-nginx mainline/debian/Dockerfile @e4d5453581d9d3618f77c4aeccf2e6171a1cd6ff
# expect: unpinned-base-tag
# message-not: unpinned-base-tag -slim
FROM haproxy:latest
CMD ["sh"]
