# pattern: postgres alpine: large .build-deps (llvm, clang) removed with apk del in the same RUN
# source: docker-library/postgres 17/alpine3.22/Dockerfile @a3b3bfabd35fd86b7a8e6a426afcafa16ebb5c18
# expect-not: build-tools-in-final single-stage-build apk-cache-kept
FROM alpine:3.22
RUN set -eux; \
    apk add --no-cache --virtual .build-deps bison clang19 coreutils dpkg-dev dpkg flex g++ gcc krb5-dev libc-dev libedit-dev libxml2-dev libxslt-dev linux-headers llvm19-dev make openldap-dev openssl-dev perl-dev perl-ipc-run perl-utils python3-dev tcl-dev util-linux-dev zlib-dev; \
    wget -O postgresql.tar.bz2 "https://ftp.postgresql.org/pub/source/v17.6/postgresql-17.6.tar.bz2"; \
    mkdir -p /usr/src/postgresql; \
    tar --extract --file postgresql.tar.bz2 --directory /usr/src/postgresql --strip-components 1; \
    rm postgresql.tar.bz2; \
    cd /usr/src/postgresql; \
    ./configure --with-llvm --with-openssl --prefix=/usr/local; \
    make -j "$(nproc)" world-bin; \
    make install-world-bin; \
    cd /; rm -rf /usr/src/postgresql; \
    apk add --no-cache --virtual .postgresql-rundeps bash tzdata zstd icu-data-full; \
    apk del --no-network .build-deps; \
    postgres --version
CMD ["postgres"]
