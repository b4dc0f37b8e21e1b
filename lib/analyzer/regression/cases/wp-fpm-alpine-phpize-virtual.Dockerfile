# pattern: official wordpress fpm-alpine: PHPIZE_DEPS and -dev packages in an apk --virtual group, extensions built, the libraries the built .so files need kept with `apk add --no-network --virtual` of a scanelf list, the build group deleted in the same RUN
# source: docker-library/wordpress latest/php8.3/fpm-alpine/Dockerfile @bf223d1c2087b0b2c3b86eefa830fe4bbc2bce07
# expect-not: build-tools-in-final apk-cache-kept single-stage-build command-not-found
FROM php:8.3-fpm-alpine
RUN set -eux; apk add --no-cache bash ghostscript imagemagick
RUN set -ex; \
    apk add --no-cache --virtual .build-deps $PHPIZE_DEPS freetype-dev icu-dev imagemagick-dev libjpeg-turbo-dev libpng-dev libwebp-dev libzip-dev; \
    docker-php-ext-configure gd --with-freetype --with-jpeg --with-webp; \
    docker-php-ext-install -j "$(nproc)" bcmath exif gd intl mysqli zip; \
    pecl install imagick-3.8.1; \
    docker-php-ext-enable imagick; \
    rm -r /tmp/pear; \
    extDir="$(php -r 'echo ini_get("extension_dir");')"; \
    runDeps="$(scanelf --needed --nobanner --format '%n#p' --recursive "$extDir" | tr ',' '\n' | sort -u | awk 'system("[ -e /usr/local/lib/" $1 " ]") == 0 { next } { print "so:" $1 }')"; \
    apk add --no-network --virtual .wordpress-phpexts-rundeps $runDeps; \
    apk del --no-network .build-deps
VOLUME /var/www/html
CMD ["php-fpm"]
