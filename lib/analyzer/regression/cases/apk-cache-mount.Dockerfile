# pattern: BuildKit cache mount on /var/cache/apk
# source: docker-library/golang 1.26/alpine3.23/Dockerfile @0a8424b32f5bbc6cdb2bd80efdf1c363083b5d5c
# expect-not: apk-cache-kept
# syntax=docker/dockerfile:1
FROM alpine:3.22
RUN --mount=type=cache,target=/var/cache/apk apk add curl
CMD ["sh"]
