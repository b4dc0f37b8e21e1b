# pattern: official php cli on trixie: an apt preferences pin that hides Debian's php packages, PHPIZE_DEPS installed through an unquoted variable and kept on purpose, lists removed with apt-get dist-clean (apt 3.0)
# source: docker-library/php 8.3/trixie/cli/Dockerfile @445bf414f1d5866f7aef715f1203eae043710070
# expect: build-tools-in-final
# expect-not: apt-dist-clean-unavailable apt-lists-not-removed package-not-in-release
FROM debian:trixie-slim
RUN set -eux; { echo 'Package: php*'; echo 'Pin: release *'; echo 'Pin-Priority: -1'; } > /etc/apt/preferences.d/no-debian-php
ENV PHPIZE_DEPS="autoconf dpkg-dev file g++ gcc libc-dev make pkg-config re2c"
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends $PHPIZE_DEPS ca-certificates curl xz-utils; \
    apt-get dist-clean
ENV PHP_INI_DIR=/usr/local/etc/php
RUN set -eux; mkdir -p "$PHP_INI_DIR/conf.d"; mkdir -p /var/www/html; chown www-data:www-data /var/www/html; chmod 1777 /var/www/html
CMD ["php", "-a"]
