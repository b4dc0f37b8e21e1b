# pattern: apk upgrade --update keeps the index
# source: docker-library/golang 1.26/alpine3.23/Dockerfile @0a8424b32f5bbc6cdb2bd80efdf1c363083b5d5c
# expect: apk-cache-kept
FROM alpine:3.22
RUN apk upgrade --update
CMD ["sh"]
