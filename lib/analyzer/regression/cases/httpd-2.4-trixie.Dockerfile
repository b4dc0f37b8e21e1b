# pattern: official httpd image: runtime libraries from apt, Apache built from the release tarball with apt-mark + purge --auto-remove, the prefix trimmed
# source: docker-library/httpd 2.4/Dockerfile (trixie variant; layout as published)
# truth: 116.8 MB docker-library/repo-info repos/httpd/local/2.4.68.md @a26470d9d1 (httpd:2.4.68, created 2026-07-14)
# expect-not: build-tools-in-final single-stage-build apt-lists-not-removed cleanup-in-later-layer
# context: httpd-foreground=133
FROM debian:trixie-slim
ENV HTTPD_PREFIX=/usr/local/apache2
ENV PATH=$HTTPD_PREFIX/bin:$PATH
RUN mkdir -p "$HTTPD_PREFIX" && chown www-data:www-data "$HTTPD_PREFIX"
WORKDIR $HTTPD_PREFIX
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends ca-certificates libaprutil1-ldap libldap-common; \
    rm -rf /var/lib/apt/lists/*
ENV HTTPD_VERSION=2.4.68
RUN set -eux; \
    savedAptMark="$(apt-mark showmanual)"; \
    apt-get update; \
    apt-get install -y --no-install-recommends bzip2 dpkg-dev gcc gnupg libapr1-dev libaprutil1-dev libbrotli-dev libcurl4-openssl-dev libjansson-dev liblua5.4-dev libnghttp2-dev libpcre2-dev libssl-dev libxml2-dev make wget zlib1g-dev; \
    rm -r /var/lib/apt/lists/*; \
    wget -O httpd.tar.bz2 "https://dlcdn.apache.org/httpd/httpd-$HTTPD_VERSION.tar.bz2"; \
    mkdir -p src; \
    tar -xf httpd.tar.bz2 -C src --strip-components=1; \
    rm httpd.tar.bz2; \
    cd src; \
    ./configure --prefix="$HTTPD_PREFIX" --enable-mods-shared=reallyall --enable-mpms-shared=all; \
    make -j "$(nproc)"; \
    make install; \
    cd ..; \
    rm -r src man manual; \
    apt-mark auto '.*' > /dev/null; \
    [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; \
    apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \
    httpd -v
STOPSIGNAL SIGWINCH
COPY httpd-foreground /usr/local/bin/
EXPOSE 80
CMD ["httpd-foreground"]
