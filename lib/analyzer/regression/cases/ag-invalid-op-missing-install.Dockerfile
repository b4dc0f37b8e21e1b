# pattern: an install without its operation inside a long && chain (apt-get -y ssh): "E: Invalid operation ssh" stops the RUN
# source: REBELinBLUE/deployer docker/php-fpm/Dockerfile @5832871510c1fbf2a326d87444b25cc8b32e0da1 (reported in issue #403, fixed in 816b936)
# expect: apt-get-invalid-operation
FROM phpdockerio/php72-fpm:latest
RUN apt-get update \
    && apt-get -y remove php5.6 \
    && apt-get -y autoremove \
    && apt-get -y --no-install-recommends install php7.2-fpm php7.2-cli php7.2-mysql php7.2-readline \
    && apt-get -y ssh \
    && apt-get clean && rm -rf /var/lib/apt/lists/* /tmp/* /var/tmp/* /usr/share/doc/* \
    && phpdismod xdebug
WORKDIR "/application"
