# pattern: official redis Debian image: build from the release tarball with apt-mark + purge --auto-remove, gosu fetched as a release binary
# source: docker-library/redis versions.json @17868f4f75e3ab80c4047c5d5e2ef3be322b9b84 (the 7.2 Debian template)
# truth: 112.42 MB docker-library/repo-info repos/redis/local/7.2-bookworm.md @4c30747af7 (redis:7.2.15)
# expect-not: build-tools-in-final single-stage-build apt-lists-not-removed
# context: docker-entrypoint.sh=3100
FROM debian:bookworm-slim
RUN set -eux; groupadd -r -g 999 redis; useradd -r -g redis -u 999 redis
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends tzdata; \
    rm -rf /var/lib/apt/lists/*
ENV GOSU_VERSION=1.17
RUN set -eux; \
    savedAptMark="$(apt-mark showmanual)"; \
    apt-get update; \
    apt-get install -y --no-install-recommends ca-certificates gnupg wget; \
    rm -rf /var/lib/apt/lists/*; \
    wget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-amd64"; \
    chmod +x /usr/local/bin/gosu; \
    apt-mark auto '.*' > /dev/null; \
    [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark > /dev/null; \
    apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \
    gosu --version
ENV REDIS_VERSION=7.2.15
ENV REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-7.2.15.tar.gz
RUN set -eux; \
    savedAptMark="$(apt-mark showmanual)"; \
    apt-get update; \
    apt-get install -y --no-install-recommends ca-certificates wget dpkg-dev gcc libc6-dev libssl-dev make; \
    rm -rf /var/lib/apt/lists/*; \
    wget -O redis.tar.gz "$REDIS_DOWNLOAD_URL"; \
    mkdir -p /usr/src/redis; \
    tar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1; \
    rm redis.tar.gz; \
    make -C /usr/src/redis -j "$(nproc)" all BUILD_TLS=yes; \
    make -C /usr/src/redis install; \
    rm -r /usr/src/redis; \
    apt-mark auto '.*' > /dev/null; \
    [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark > /dev/null; \
    apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \
    redis-cli --version; redis-server --version
RUN mkdir /data && chown redis:redis /data
VOLUME /data
WORKDIR /data
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
EXPOSE 6379
CMD ["redis-server"]
