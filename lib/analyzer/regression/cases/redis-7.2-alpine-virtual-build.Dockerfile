# pattern: official redis alpine: gosu fetched with a --virtual gnupg group deleted with --no-network, redis built from the release tarball with a --virtual build group and `make install`, the build tree and group removed in the same RUN
# source: docker-library/redis 7.2/alpine/Dockerfile @e92049967d6baa9b4b3d6fd950553e6458e61f13
# expect-not: build-tools-in-final single-stage-build apk-cache-kept
# context: docker-entrypoint.sh=3100
FROM alpine:3.20
RUN set -eux; addgroup -S -g 1000 redis; adduser -S -G redis -u 999 redis
RUN set -eux; apk add --no-cache 'su-exec>=0.2' tzdata
RUN set -eux; \
    apk add --no-cache --virtual .gosu-fetch gnupg; \
    wget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64"; \
    apk del --no-network .gosu-fetch; \
    chmod +x /usr/local/bin/gosu; \
    gosu nobody true
ENV REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-7.2.5.tar.gz
RUN set -eux; \
    apk add --no-cache --virtual .build-deps coreutils dpkg-dev dpkg gcc linux-headers make musl-dev openssl-dev wget; \
    wget -O redis.tar.gz "$REDIS_DOWNLOAD_URL"; \
    mkdir -p /usr/src/redis; \
    tar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1; \
    rm redis.tar.gz; \
    make -C /usr/src/redis -j "$(nproc)" all; \
    make -C /usr/src/redis install; \
    rm -r /usr/src/redis; \
    runDeps="$(scanelf --needed --nobanner --format '%n#p' --recursive /usr/local | tr ',' '\n' | sort -u | awk 'system("[ -e /usr/local/lib/" $1 " ]") == 0 { next } { print "so:" $1 }')"; \
    apk add --no-network --virtual .redis-rundeps $runDeps; \
    apk del --no-network .build-deps; \
    redis-cli --version; redis-server --version
RUN mkdir /data && chown redis:redis /data
VOLUME /data
WORKDIR /data
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
EXPOSE 6379
CMD ["redis-server"]
