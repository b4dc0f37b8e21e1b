# pattern: php:8.3 (the cli variant) as a base: sized from its own build, not from the apache or fpm image
# source: docker-library/official-images library/php @37079fb336f572a88700cf32e5e1f6be54a04e8f
# truth: 565.26 MB docker-library/repo-info repos/php/local/8.3-trixie.md @9236c61 (php:8.3.33-cli-trixie)
# expect-not: runtime-missing
FROM php:8.3
CMD ["sh"]
