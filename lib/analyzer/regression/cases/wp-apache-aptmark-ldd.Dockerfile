# pattern: official wordpress apache: ghostscript kept, -dev packages installed after apt-mark showmanual, extensions built, the libraries the .so files link to marked manual through ldd, the rest purged with --auto-remove in the same RUN
# source: docker-library/wordpress latest/php8.3/apache/Dockerfile @bf223d1c2087b0b2c3b86eefa830fe4bbc2bce07
# expect-not: build-tools-in-final single-stage-build apt-lists-not-removed apt-get-missing-yes
FROM php:8.3-apache-trixie
RUN set -eux; apt-get update; apt-get install -y --no-install-recommends ghostscript; rm -rf /var/lib/apt/lists/*
RUN set -ex; \
    savedAptMark="$(apt-mark showmanual)"; \
    apt-get update; \
    apt-get install -y --no-install-recommends libavif-dev libfreetype6-dev libicu-dev libjpeg-dev libmagickwand-dev libpng-dev libwebp-dev libzip-dev; \
    docker-php-ext-configure gd --with-avif --with-freetype --with-jpeg --with-webp; \
    docker-php-ext-install -j "$(nproc)" bcmath exif gd intl mysqli zip; \
    pecl install imagick-3.8.1; \
    docker-php-ext-enable imagick; \
    rm -r /tmp/pear; \
    apt-mark auto '.*' > /dev/null; \
    apt-mark manual $savedAptMark; \
    extDir="$(php -r 'echo ini_get("extension_dir");')"; \
    ldd "$extDir"/*.so | awk '/=>/ { so = $(NF-1); if (index(so, "/usr/local/") == 1) { next }; gsub("^/(usr/)?", "", so); printf "*%s\n", so }' | sort -u | xargs -r dpkg-query --search | cut -d: -f1 | sort -u | xargs -rt apt-mark manual; \
    apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \
    rm -rf /var/lib/apt/lists/*
RUN a2enmod rewrite expires
VOLUME /var/www/html
CMD ["apache2-foreground"]
