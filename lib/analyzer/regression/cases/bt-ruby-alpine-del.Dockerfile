# pattern: ruby alpine: build deps in a virtual package removed at the end of the build RUN
# source: docker-library/ruby 3.4/alpine3.22/Dockerfile @0127a2ff1ba87c35091d417c4d86cc4165f34bcb
# expect: build-tools-in-final
# expect-not: single-stage-build apk-cache-kept
FROM alpine:3.22
RUN set -eux; apk add --no-cache bzip2 ca-certificates gmp-dev libffi-dev procps yaml-dev zlib-dev
RUN set -eux; \
    apk add --no-cache --virtual .ruby-builddeps autoconf bison bzip2 bzip2-dev coreutils dpkg-dev dpkg g++ gcc gdbm-dev glib-dev libc-dev libxml2-dev libxslt-dev linux-headers make ncurses-dev openssl openssl-dev patch procps readline-dev ruby tar xz yaml-dev zlib-dev; \
    wget -O ruby.tar.xz "https://cache.ruby-lang.org/pub/ruby/3.4/ruby-3.4.10.tar.xz"; \
    mkdir -p /usr/src/ruby; \
    tar -xJf ruby.tar.xz -C /usr/src/ruby --strip-components=1; \
    rm ruby.tar.xz; \
    cd /usr/src/ruby; \
    ./configure --disable-install-doc --enable-shared; \
    make -j "$(nproc)"; \
    make install; \
    apk add --no-network --virtual .ruby-rundeps libgcc; \
    apk del --no-network .ruby-builddeps; \
    cd /; rm -r /usr/src/ruby
CMD ["irb"]
