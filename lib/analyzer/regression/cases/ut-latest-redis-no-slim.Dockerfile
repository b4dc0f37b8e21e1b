# pattern: redis:latest pinned advice must not invent a -slim tag (redis publishes none)
# source: docker-library/redis versions.json @17868f4f75e3ab80c4047c5d5e2ef3be322b9b84
# expect: unpinned-base-tag
# message-not: unpinned-base-tag -slim
FROM redis:latest
CMD ["sh"]
