# pattern: apk add --no-cache
# source: docker-library/golang 1.26/alpine3.23/Dockerfile @0a8424b32f5bbc6cdb2bd80efdf1c363083b5d5c
# expect-not: apk-cache-kept
FROM alpine:3.22
RUN apk add --no-cache curl ca-certificates
CMD ["sh"]
