# pattern: official python full image on buildpack-deps: compilers already in the base, build CPython, no purge
# source: docker-library/python 3.12/bookworm/Dockerfile @ab3d095cb74ee82f11b6dc59f113ad01b60d41c1
# truth: 1020 MB docker-library/repo-info repos/python/local/3.13-bookworm.md @0e668e1ed2 (python:3.13.14-bookworm)
# expect-not: apt-get-missing-yes
FROM buildpack-deps:bookworm
ENV PATH=/usr/local/bin:$PATH
ENV LANG=C.UTF-8
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends libbluetooth-dev tk-dev uuid-dev; \
    rm -rf /var/lib/apt/lists/*
ENV PYTHON_VERSION=3.13.14
RUN set -eux; \
    wget -O python.tar.xz "https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz"; \
    mkdir -p /usr/src/python; \
    tar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz; \
    rm python.tar.xz; \
    cd /usr/src/python; \
    ./configure --enable-optimizations --enable-shared --with-ensurepip; \
    make -j "$(nproc)"; \
    make install; \
    cd /; rm -rf /usr/src/python; \
    ldconfig; \
    python3 --version
RUN set -eux; for src in idle3 pip3 pydoc3 python3 python3-config; do \
      ln -svT "$src" "/usr/local/bin/$(echo "$src" | tr -d 3)"; \
    done
CMD ["python3"]
