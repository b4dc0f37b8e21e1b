# pattern: official nginx alpine image: nginx from nginx.org's apk repository, then extra modules; apk names the Alpine index does not hold
# source: nginx/docker-nginx mainline/alpine/Dockerfile @e4d5453581d9d3618f77c4aeccf2e6171a1cd6ff
# truth: 68.98 MB docker-library/repo-info repos/nginx/local/1-alpine.md @fa589e12c1 (nginx:1.31.5-alpine)
# expect-not: apk-cache-kept single-stage-build build-tools-in-final
# context: docker-entrypoint.sh=1620 10-listen-on-ipv6-by-default.sh=2120
FROM alpine:3.23
ENV NGINX_VERSION=1.31.5
RUN set -x \
    && addgroup -g 101 -S nginx \
    && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx \
    && apk add --no-cache --virtual .checksum-deps openssl \
    && wget -O /etc/apk/keys/nginx_signing.rsa.pub https://nginx.org/keys/nginx_signing.rsa.pub \
    && apk add -X "https://nginx.org/packages/mainline/alpine/v3.23/main" --no-cache nginx=${NGINX_VERSION}-r1 nginx-module-njs \
    && apk del --no-network .checksum-deps \
    && apk add --no-cache curl ca-certificates tzdata gettext \
    && ln -sf /dev/stdout /var/log/nginx/access.log \
    && ln -sf /dev/stderr /var/log/nginx/error.log \
    && mkdir /docker-entrypoint.d
COPY docker-entrypoint.sh /
COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d/
ENTRYPOINT ["/docker-entrypoint.sh"]
EXPOSE 80
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
