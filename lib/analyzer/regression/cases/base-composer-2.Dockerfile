# pattern: composer:2 used as a build stage's image as it is: php's cli-alpine image plus Composer, not a Debian image
# source: composer/docker latest/Dockerfile @e8913cbc4790542e33d457d3a3400c501cf1d1d4
# truth: 224.6 MB docker-library/repo-info repos/composer/local/2.md @2ca3eda (composer:2.10.2, PHP 8.5.8 on Alpine 3.24)
# expect-not: runtime-missing
FROM composer:2
CMD ["sh"]
