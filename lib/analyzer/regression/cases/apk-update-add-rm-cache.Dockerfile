# pattern: apk update && apk add && rm -rf /var/cache/apk/* in one RUN
# source: docker-library/golang 1.26/alpine3.23/Dockerfile @0a8424b32f5bbc6cdb2bd80efdf1c363083b5d5c
# expect-not: apk-cache-kept
FROM alpine:3.22
RUN apk update && apk add curl && rm -rf /var/cache/apk/*
CMD ["sh"]
