# pattern: official ruby slim image: runtime -dev libraries kept for native gems, ruby built with apt-mark + purge --auto-remove in one RUN
# source: docker-library/ruby 3.4/slim-bookworm/Dockerfile @0ef1f8966b43e97043ceef717e648d44f37896f7
# truth: 157.76 MB docker-library/repo-info repos/ruby/local/3.4-slim-bookworm.md @6aad12d9ac (ruby:3.4.10-slim-bookworm)
# expect-not: single-stage-build apt-lists-not-removed cleanup-in-later-layer
FROM debian:bookworm-slim
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends bzip2 ca-certificates libffi-dev libgmp-dev libssl-dev libyaml-dev procps zlib1g-dev; \
    rm -rf /var/lib/apt/lists/*
ENV LANG=C.UTF-8
ENV RUBY_VERSION=3.4.10
ENV RUBY_DOWNLOAD_URL=https://cache.ruby-lang.org/pub/ruby/3.4/ruby-3.4.10.tar.xz
RUN set -eux; \
    savedAptMark="$(apt-mark showmanual)"; \
    apt-get update; \
    apt-get install -y --no-install-recommends bison dpkg-dev libgdbm-dev ruby autoconf g++ gcc libbz2-dev libgdbm-compat-dev libglib2.0-dev libncurses-dev libxml2-dev libxslt-dev make wget xz-utils; \
    rm -rf /var/lib/apt/lists/*; \
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
    apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \
    cd /; \
    rm -r /usr/src/ruby; \
    ruby --version; gem --version; bundle --version
ENV GEM_HOME=/usr/local/bundle
ENV BUNDLE_SILENCE_ROOT_WARNING=1 BUNDLE_APP_CONFIG="$GEM_HOME"
ENV PATH=$GEM_HOME/bin:$PATH
RUN set -eux; mkdir "$GEM_HOME"; chmod 1777 "$GEM_HOME"
CMD ["irb"]
