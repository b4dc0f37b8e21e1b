# pattern: php extension build: $PHPIZE_DEPS installed, used and purged with apt-mark + --auto-remove in the same RUN
# source: docker-library/php 8.3/bookworm/cli/Dockerfile @910674b44ecb630c9831d3bdf4f82aa2adb6bfe5
# expect-not: build-tools-in-final apt-lists-not-removed
FROM debian:bookworm-slim
ENV PHPIZE_DEPS="autoconf dpkg-dev file g++ gcc libc-dev make pkg-config re2c"
RUN set -eux; \
    savedAptMark="$(apt-mark showmanual)"; \
    apt-get update; \
    apt-get install -y --no-install-recommends $PHPIZE_DEPS; \
    apt-mark auto '.*' > /dev/null; \
    apt-mark manual $savedAptMark; \
    apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \
    rm -rf /var/lib/apt/lists/*
CMD ["bash"]
