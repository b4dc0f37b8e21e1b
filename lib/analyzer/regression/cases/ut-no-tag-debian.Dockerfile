# pattern: FROM debian with no tag (means :latest)
# source: nginx/docker-nginx mainline/debian/Dockerfile @e4d5453581d9d3618f77c4aeccf2e6171a1cd6ff
# expect: unpinned-base-tag
FROM debian
CMD ["sh"]
