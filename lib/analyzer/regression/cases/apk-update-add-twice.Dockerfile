# pattern: apk update, then two apk add calls in one RUN: the index is counted once
# source: docker-library/golang 1.26/alpine3.23/Dockerfile @0a8424b32f5bbc6cdb2bd80efdf1c363083b5d5c
# expect: apk-cache-kept
# max-savings: 4 MB
FROM alpine:3.22
RUN apk update && apk add curl && apk add jq
CMD ["sh"]
