# pattern: official haproxy image: a system user, HAProxy built with make from the release tarball and the toolchain purged in the same RUN
# source: docker-library/haproxy 3.2/Dockerfile (trixie variant; layout as published)
# truth: 110.95 MB docker-library/repo-info repos/haproxy/local/3.2-trixie.md @20fb4f8773 (haproxy:3.2.21, created 2026-07-06)
# expect-not: build-tools-in-final single-stage-build apt-lists-not-removed
# context: docker-entrypoint.sh=400
FROM debian:trixie-slim
RUN set -eux; groupadd --gid 99 --system haproxy; useradd --gid haproxy --home-dir /var/lib/haproxy --no-create-home --system --uid 99 haproxy; mkdir /var/lib/haproxy; chown haproxy:haproxy /var/lib/haproxy
ENV HAPROXY_VERSION=3.2.21
ENV HAPROXY_URL=https://www.haproxy.org/download/3.2/src/haproxy-3.2.21.tar.gz
RUN set -eux; \
    savedAptMark="$(apt-mark showmanual)"; \
    apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev liblua5.4-dev libpcre2-dev libssl-dev make wget; \
    rm -rf /var/lib/apt/lists/*; \
    wget -O haproxy.tar.gz "$HAPROXY_URL"; \
    mkdir -p /usr/src/haproxy; \
    tar -xzf haproxy.tar.gz -C /usr/src/haproxy --strip-components=1; \
    rm haproxy.tar.gz; \
    make -C /usr/src/haproxy -j "$(nproc)" TARGET=linux-glibc USE_LUA=1 USE_OPENSSL=1 USE_PCRE2=1 all; \
    make -C /usr/src/haproxy install-bin; \
    mkdir -p /usr/local/etc/haproxy; \
    cp -R /usr/src/haproxy/examples/errorfiles /usr/local/etc/haproxy/errors; \
    rm -rf /usr/src/haproxy; \
    apt-mark auto '.*' > /dev/null; \
    [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; \
    apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \
    haproxy -v
STOPSIGNAL SIGUSR1
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
USER haproxy
WORKDIR /var/lib/haproxy
CMD ["haproxy", "-f", "/usr/local/etc/haproxy/haproxy.cfg"]
