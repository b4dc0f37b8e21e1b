# pattern: apk add --virtual .build-deps, build, apk del .build-deps in the same RUN
# source: docker-library/memcached alpine/Dockerfile @f7015c3dba3b87f3793f217db5e06ceec77f43ee
# expect-not: build-tools-in-final single-stage-build apk-cache-kept
FROM alpine:3.22
RUN set -x \
    && apk add --no-cache --virtual .build-deps ca-certificates coreutils gcc libc-dev libevent-dev linux-headers make openssl-dev perl tar wget \
    && wget -O memcached.tar.gz "https://memcached.org/files/memcached-1.6.45.tar.gz" \
    && mkdir -p /usr/src/memcached \
    && tar -xzf memcached.tar.gz -C /usr/src/memcached --strip-components=1 \
    && rm memcached.tar.gz \
    && cd /usr/src/memcached \
    && ./configure --enable-extstore \
    && make -j "$(nproc)" \
    && make install \
    && cd / && rm -rf /usr/src/memcached \
    && apk add --no-network --virtual .memcached-rundeps libevent \
    && apk del --no-network .build-deps
USER nobody
CMD ["memcached"]
