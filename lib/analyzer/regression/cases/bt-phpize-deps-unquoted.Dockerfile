# pattern: php extension build: apt-get install $PHPIZE_DEPS (an unquoted variable split into gcc, make, …) left installed
# source: docker-library/php 8.3/bookworm/cli/Dockerfile @910674b44ecb630c9831d3bdf4f82aa2adb6bfe5
# expect: build-tools-in-final
FROM debian:bookworm-slim
ENV PHPIZE_DEPS="autoconf dpkg-dev file g++ gcc libc-dev make pkg-config re2c"
RUN apt-get update && apt-get install -y --no-install-recommends $PHPIZE_DEPS ca-certificates curl && rm -rf /var/lib/apt/lists/*
CMD ["bash"]
