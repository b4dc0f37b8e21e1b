# pattern: php app that takes composer from the composer image (COPY --from=composer:2 /usr/bin/composer) and installs without dev dependencies
# source: docker-library/docs composer/content.md @0dce785e074468144a0c0ac431208fced264fbf6 (the COPY --from pattern the image docs give)
# expect-not: runtime-missing single-stage-build npm-install-dev-deps copy-from-unknown-stage copy-from-invalid-stage-index
# context: composer.json=1500 composer.lock=80000 public/index.php=500 src/Kernel.php=2000
FROM php:8.3-apache-trixie
COPY --from=composer:2 /usr/bin/composer /usr/bin/composer
WORKDIR /var/www/html
COPY composer.json composer.lock ./
RUN composer install --no-dev --no-scripts --no-interaction --prefer-dist
COPY . .
