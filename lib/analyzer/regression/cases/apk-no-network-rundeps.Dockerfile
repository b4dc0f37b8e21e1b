# pattern: apk add --no-network --virtual .rundeps (the official images: nothing is fetched, no index is kept)
# source: docker-library/memcached alpine/Dockerfile @f7015c3dba3b87f3793f217db5e06ceec77f43ee
# expect-not: apk-cache-kept build-tools-in-final
FROM alpine:3.22
RUN apk add --no-cache --virtual .build-deps gcc libc-dev make \
    && apk add --no-network --virtual .rundeps musl \
    && apk del --no-network .build-deps
CMD ["sh"]
