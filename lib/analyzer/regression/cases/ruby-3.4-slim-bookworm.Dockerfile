# pattern: official ruby slim image: only ca-certificates in the first layer; ruby built with apt-mark + ldd-kept libraries + purge --auto-remove in one RUN (the YJIT toolchain step of the original is left out)
# source: docker-library/ruby 3.4/slim-bookworm/Dockerfile @0ef1f8966b43e97043ceef717e648d44f37896f7
# truth: 157.76 MB docker-library/repo-info repos/ruby/local/3.4-slim-bookworm.md @6aad12d9ac (ruby:3.4.10-slim-bookworm)
# expect-not: single-stage-build apt-lists-not-removed cleanup-in-later-layer build-tools-in-final
FROM debian:bookworm-slim
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends ca-certificates; \
    rm -rf /var/lib/apt/lists/*
RUN set -eux; mkdir -p /usr/local/etc; echo 'gem: --no-document' >> /usr/local/etc/gemrc
ENV LANG=C.UTF-8
ENV RUBY_VERSION=3.4.10
ENV RUBY_DOWNLOAD_URL=https://cache.ruby-lang.org/pub/ruby/3.4/ruby-3.4.10.tar.xz
RUN set -eux; \
    savedAptMark="$(apt-mark showmanual)"; \
    apt-get update; \
    apt-get install -y --no-install-recommends dpkg-dev libgdbm-dev ruby autoconf bzip2 g++ gcc libbz2-dev libffi-dev libgdbm-compat-dev libglib2.0-dev libgmp-dev libncurses-dev libssl-dev libxml2-dev libxslt-dev libyaml-dev make wget xz-utils zlib1g-dev; \
    wget -O ruby.tar.xz "$RUBY_DOWNLOAD_URL"; \
    mkdir -p /usr/src/ruby; \
    tar -xJf ruby.tar.xz -C /usr/src/ruby --strip-components=1; \
    rm ruby.tar.xz; \
    cd /usr/src/ruby; \
    autoconf; \
    ./configure --disable-install-doc --enable-shared; \
    make -j "$(nproc)"; \
    make install; \
    apt-mark auto '.*' > /dev/null; \
    apt-mark manual $savedAptMark > /dev/null; \
    find /usr/local -type f -executable -exec ldd '{}' ';' \
        | awk '/=>/ { so = $(NF-1); if (index(so, "/usr/local/") == 1) { next }; gsub("^/(usr/)?", "", so); printf "*%s\n", so }' \
        | sort -u \
        | xargs -r dpkg-query --search \
        | awk 'sub(":$", "", $1) { print $1 }' \
        | sort -u \
        | xargs -r apt-mark manual; \
    apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \
    rm -rf /var/lib/apt/lists/*; \
    cd /; \
    rm -r /usr/src/ruby; \
    ruby --version; gem --version; bundle --version
ENV GEM_HOME=/usr/local/bundle
ENV BUNDLE_SILENCE_ROOT_WARNING=1 BUNDLE_APP_CONFIG="$GEM_HOME"
ENV PATH=$GEM_HOME/bin:$PATH
RUN set -eux; mkdir "$GEM_HOME"; chmod 1777 "$GEM_HOME"
CMD ["irb"]
