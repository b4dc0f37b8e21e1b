# pattern: apt-get install --update (apt 2.7+ fetches the lists itself) on trixie, then apt-get dist-clean, in one RUN
# source: docker-library/httpd 2.4/Dockerfile @9b63b37c9be3b42d16b924ebb40af3cc40793119
# expect-not: apt-lists-missing apt-lists-not-removed command-not-found
FROM debian:trixie-slim
ENV HTTPD_PREFIX=/usr/local/apache2
WORKDIR $HTTPD_PREFIX
RUN set -eux; \
	apt-get install --update -y --no-install-recommends ca-certificates libaprutil1-ldap libldap-common; \
	apt-get dist-clean
CMD ["httpd-foreground"]
