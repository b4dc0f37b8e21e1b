# pattern: official ruby slim image with its YJIT step: rustup-init into a toolchain under /tmp, used to build ruby, and /tmp/rust removed in the same RUN before the purge
# source: docker-library/ruby 3.4/slim-bookworm/Dockerfile @d55e25ae709885250a4e9718c27a09f1e963ca79
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
    apt-get install -y --no-install-recommends dpkg-dev libgdbm-dev ruby autoconf bzip2 g++ gcc \
        libbz2-dev libffi-dev libgdbm-compat-dev libglib2.0-dev libgmp-dev libncurses-dev \
        libssl-dev libxml2-dev libxslt-dev libyaml-dev make wget xz-utils zlib1g-dev; \
    rustArch='x86_64-unknown-linux-gnu'; \
    mkdir -p /tmp/rust; \
    wget -O /tmp/rust/rustup-init "https://static.rust-lang.org/rustup/archive/1.28.2/$rustArch/rustup-init"; \
    chmod +x /tmp/rust/rustup-init; \
    export RUSTUP_HOME='/tmp/rust/rustup' CARGO_HOME='/tmp/rust/cargo'; \
    export PATH="$CARGO_HOME/bin:$PATH"; \
    /tmp/rust/rustup-init -y --no-modify-path --profile minimal --default-toolchain 1.91.1 --default-host "$rustArch"; \
    rustc --version; \
    wget -O ruby.tar.xz "$RUBY_DOWNLOAD_URL"; \
    mkdir -p /usr/src/ruby; \
    tar -xJf ruby.tar.xz -C /usr/src/ruby --strip-components=1; \
    rm ruby.tar.xz; \
    cd /usr/src/ruby; \
    autoconf; \
    ./configure --disable-install-doc --enable-shared --enable-yjit; \
    make -j "$(nproc)"; \
    make install; \
    rm -rf /tmp/rust; \
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
    ruby --version
ENV GEM_HOME=/usr/local/bundle
ENV BUNDLE_SILENCE_ROOT_WARNING=1 BUNDLE_APP_CONFIG="$GEM_HOME"
ENV PATH=$GEM_HOME/bin:$PATH
RUN set -eux; mkdir "$GEM_HOME"; chmod 1777 "$GEM_HOME"
CMD ["irb"]
