# pattern: php apache image: docker-php-ext-install after installing -dev headers that stay
# source: docker-library/php 8.3/bookworm/cli/Dockerfile @910674b44ecb630c9831d3bdf4f82aa2adb6bfe5
# expect: build-tools-in-final
# expect-not: apt-lists-not-removed
# context: src/index.php=2000
FROM php:8.3-apache
RUN apt-get update && apt-get install -y --no-install-recommends libpng-dev libzip-dev && rm -rf /var/lib/apt/lists/* \
    && docker-php-ext-install gd zip
COPY src/ /var/www/html/
