# pattern: official memcached Debian image: libevent runtime kept, memcached built with apt-mark + purge --auto-remove
# source: docker-library/memcached debian/Dockerfile @2826e6e778859732667a4eca2a84b47d5f3c4892
# truth: 85.18 MB docker-library/repo-info repos/memcached/local/1.6-trixie.md @7387cc8450 (memcached:1.6.45)
# expect-not: build-tools-in-final single-stage-build apt-lists-not-removed
# context: docker-entrypoint.sh=250
FROM debian:trixie-slim
RUN set -eux; groupadd --system --gid 11211 memcache; useradd --system --gid memcache --uid 11211 memcache
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends libevent-2.1-7t64 libsasl2-modules; \
    rm -rf /var/lib/apt/lists/*
ENV MEMCACHED_VERSION=1.6.45
ENV MEMCACHED_URL=https://memcached.org/files/memcached-1.6.45.tar.gz
RUN set -eux; \
    savedAptMark="$(apt-mark showmanual)"; \
    apt-get update; \
    apt-get install -y --no-install-recommends ca-certificates dpkg-dev gcc libc6-dev libevent-dev libio-socket-ssl-perl libsasl2-dev libssl-dev make perl wget; \
    rm -rf /var/lib/apt/lists/*; \
    wget -O memcached.tar.gz "$MEMCACHED_URL"; \
    mkdir -p /usr/src/memcached; \
    tar -xzf memcached.tar.gz -C /usr/src/memcached --strip-components=1; \
    rm memcached.tar.gz; \
    cd /usr/src/memcached; \
    ./configure --enable-extstore --enable-sasl --enable-tls; \
    make -j "$(nproc)"; \
    make install; \
    cd /; rm -rf /usr/src/memcached; \
    apt-mark auto '.*' > /dev/null; \
    apt-mark manual $savedAptMark > /dev/null; \
    apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \
    memcached -V
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
USER memcache
EXPOSE 11211
CMD ["memcached"]
