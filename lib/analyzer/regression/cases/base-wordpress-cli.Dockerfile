# pattern: wordpress:cli used as it is, for WP-CLI jobs: built FROM php:8.3-alpine, so never sized as the Debian apache or fpm images
# source: docker-library/wordpress cli/php8.3/alpine/Dockerfile @0d0f9ea70c647c6512ca5227362ad0264d80e941
# truth: 212.71 MB docker-library/repo-info repos/wordpress/local/cli.md @1567ee7 (wordpress:cli-2.12.0, PHP 8.3.33 on Alpine 3.24)
# expect-not: runtime-missing
FROM wordpress:cli
CMD ["sh"]
