# pattern: nginx:latest pinned advice must not invent a -slim tag (nginx publishes none)
# source: nginx/docker-nginx mainline/alpine-slim/Dockerfile @eaf8875a1967d24cea6ed8b37109075e39ed9e43
# expect: unpinned-base-tag
# message-not: unpinned-base-tag -slim
FROM nginx:latest
CMD ["sh"]
