# pattern: official python alpine image: apk add --virtual .build-deps, build CPython, scanelf the runtime deps, apk del .build-deps in the same RUN
# source: docker-library/python 3.12/alpine3.23/Dockerfile @90e9ca41dc404ee7d22c09b894823e8925227c17
# truth: 54.53 MB docker-library/repo-info repos/python/local/3.11-alpine3.23.md @0212f5911e (python:3.11.16-alpine3.23)
# expect-not: build-tools-in-final single-stage-build apk-cache-kept alpine-needs-compiling
FROM alpine:3.23
ENV PATH=/usr/local/bin:$PATH
ENV LANG=C.UTF-8
RUN set -eux; apk add --no-cache ca-certificates tzdata
ENV PYTHON_VERSION=3.11.16
RUN set -eux; \
    apk add --no-cache --virtual .build-deps \
        bluez-dev bzip2-dev dpkg-dev dpkg findutils gcc gdbm-dev gnupg libc-dev libffi-dev \
        libnsl-dev libtirpc-dev linux-headers make ncurses-dev openssl-dev pax-utils \
        readline-dev sqlite-dev tar tcl-dev tk tk-dev util-linux-dev xz xz-dev zlib-dev; \
    wget -O python.tar.xz "https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz"; \
    mkdir -p /usr/src/python; \
    tar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz; \
    rm python.tar.xz; \
    cd /usr/src/python; \
    ./configure --enable-optimizations --enable-shared --with-ensurepip; \
    make -j "$(nproc)"; \
    make install; \
    cd /; rm -rf /usr/src/python; \
    find /usr/local -type f -executable -not \( -name '*tkinter*' \) -exec scanelf --needed --nobanner --format '%n#p' '{}' ';' \
        | tr ',' '\n' | sort -u | awk 'system("[ -e /usr/local/lib/" $1 " ]") == 0 { next } { print "so:" $1 }' \
        | xargs -rt apk add --no-network --virtual .python-rundeps; \
    apk del --no-network .build-deps; \
    python3 --version
RUN set -eux; for src in idle3 pip3 pydoc3 python3 python3-config; do \
      ln -svT "$src" "/usr/local/bin/$(echo "$src" | tr -d 3)"; \
    done
CMD ["python3"]
