# pattern: alpine:latest pinned advice must not invent a -slim tag (alpine publishes none)
# source: docker-library/golang 1.26/alpine3.23/Dockerfile @0a8424b32f5bbc6cdb2bd80efdf1c363083b5d5c
# expect: unpinned-base-tag
# expect-not: base-image-unknown-name
# message-not: unpinned-base-tag -slim
FROM alpine:latest
CMD ["sh"]
