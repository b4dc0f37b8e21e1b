# pattern: official python slim image: runtime apt packages, then CPython built from the release tarball with apt-mark + purge --auto-remove in one RUN
# source: docker-library/python 3.12/slim-trixie/Dockerfile @850e1ea3b8508bc0b2b4dd16de795e635beb81f3
# truth: 119.2 MB docker-library/repo-info repos/python/local/3.12-slim.md @67db11d06f (python:3.12.13-slim-trixie)
# expect-not: build-tools-in-final single-stage-build apt-lists-not-removed apt-get-missing-yes cleanup-in-later-layer
FROM debian:trixie-slim
ENV PATH=/usr/local/bin:$PATH
ENV LANG=C.UTF-8
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends ca-certificates netbase tzdata; \
    rm -rf /var/lib/apt/lists/*
ENV PYTHON_VERSION=3.12.13
RUN set -eux; \
    savedAptMark="$(apt-mark showmanual)"; \
    apt-get update; \
    apt-get install -y --no-install-recommends \
        dpkg-dev gcc gnupg libbluetooth-dev libbz2-dev libc6-dev libdb-dev libffi-dev \
        libgdbm-dev liblzma-dev libncursesw5-dev libreadline-dev libsqlite3-dev libssl-dev \
        make tk-dev uuid-dev wget xz-utils zlib1g-dev; \
    wget -O python.tar.xz "https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz"; \
    mkdir -p /usr/src/python; \
    tar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz; \
    rm python.tar.xz; \
    cd /usr/src/python; \
    gnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \
    ./configure --build="$gnuArch" --enable-optimizations --enable-shared --with-ensurepip; \
    make -j "$(nproc)"; \
    make install; \
    cd /; \
    rm -rf /usr/src/python; \
    find /usr/local -depth \( -type d -a -name test \) -exec rm -rf '{}' +; \
    ldconfig; \
    apt-mark auto '.*' > /dev/null; \
    apt-mark manual $savedAptMark; \
    apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \
    rm -rf /var/lib/apt/lists/*; \
    python3 --version
RUN set -eux; for src in idle3 pip3 pydoc3 python3 python3-config; do \
      ln -svT "$src" "/usr/local/bin/$(echo "$src" | tr -d 3)"; \
    done
CMD ["python3"]
