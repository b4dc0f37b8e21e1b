# pattern: mysql:latest pinned advice must not invent a -slim tag (mysql publishes none)
# source: docker-library/postgres 17/bookworm/Dockerfile @266748257c85f28eb01a276e84860013ade2eb14
# expect: unpinned-base-tag
# message-not: unpinned-base-tag -slim
FROM mysql:latest
CMD ["sh"]
