# pattern: source build with make in a RUN that installs and purges its own toolchain
# source: docker-library/postgres 17/bookworm/Dockerfile @266748257c85f28eb01a276e84860013ade2eb14
# expect-not: single-stage-build build-tools-in-final apt-lists-not-removed
FROM debian:bookworm-slim
RUN set -eux; \
    savedAptMark="$(apt-mark showmanual)"; \
    apt-get update; \
    apt-get install -y --no-install-recommends ca-certificates gcc libc6-dev make wget; \
    wget -O jq.tar.gz "https://github.com/jqlang/jq/releases/download/jq-1.7.1/jq-1.7.1.tar.gz"; \
    mkdir -p /usr/src/jq; tar -xzf jq.tar.gz -C /usr/src/jq --strip-components=1; rm jq.tar.gz; \
    cd /usr/src/jq; ./configure --with-oniguruma=builtin; make -j "$(nproc)"; make install; \
    cd /; rm -rf /usr/src/jq; \
    apt-mark auto '.*' > /dev/null; \
    apt-mark manual $savedAptMark; \
    apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \
    rm -rf /var/lib/apt/lists/*
CMD ["jq", "--help"]
