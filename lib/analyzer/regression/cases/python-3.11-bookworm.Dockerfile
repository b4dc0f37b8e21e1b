# pattern: official python 3.11 full image on buildpack-deps: runtime -dev packages from apt, CPython built with the base's compilers (nothing purged), then setuptools and wheel from pip with --no-cache-dir
# source: docker-library/python 3.11/bookworm/Dockerfile @01ba658cff9cf56c72e55c85cea9705826cc19f1 (the 3.10 file follows the same template)
# truth: 1010 MB docker-library/repo-info repos/python/local/3.11-bookworm.md @0212f5911e (python:3.11-bookworm; Virtual Size printed with three digits)
# expect-not: apt-get-missing-yes apt-lists-not-removed pip-cache-kept
FROM buildpack-deps:bookworm
ENV PATH=/usr/local/bin:$PATH
ENV LANG=C.UTF-8
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends libbluetooth-dev tk-dev uuid-dev; \
    rm -rf /var/lib/apt/lists/*
ENV PYTHON_VERSION=3.11.16
RUN set -eux; \
    wget -O python.tar.xz "https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz"; \
    mkdir -p /usr/src/python; \
    tar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz; \
    rm python.tar.xz; \
    cd /usr/src/python; \
    ./configure --enable-loadable-sqlite-extensions --enable-optimizations --enable-shared --with-lto --with-ensurepip; \
    make -j "$(nproc)"; \
    make install; \
    cd /; \
    rm -rf /usr/src/python; \
    find /usr/local -depth \( \( -type d -a \( -name test -o -name tests -o -name idle_test \) \) -o \( -type f -a \( -name '*.pyc' -o -name '*.pyo' -o -name 'libpython*.a' \) \) \) -exec rm -rf '{}' +; \
    ldconfig; \
    export PYTHONDONTWRITEBYTECODE=1; \
    python3 --version; \
    pip3 install --disable-pip-version-check --no-cache-dir --no-compile 'setuptools==65.5.1' 'wheel<0.46'; \
    pip3 --version
RUN set -eux; for src in idle3 pip3 pydoc3 python3 python3-config; do \
      ln -svT "$src" "/usr/local/bin/$(echo "$src" | tr -d 3)"; \
    done
CMD ["python3"]
