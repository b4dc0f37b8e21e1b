# pattern: official nginx Debian image: nginx from nginx.org's own apt repository (names the Debian index does not hold), keyring fetched then purged
# source: nginx/docker-nginx mainline/debian/Dockerfile @e4d5453581d9d3618f77c4aeccf2e6171a1cd6ff
# truth: 161.33 MB docker-library/repo-info repos/nginx/local/latest.md @549aa8d3d9 (nginx:1.31.3)
# expect-not: apt-lists-not-removed single-stage-build
# context: docker-entrypoint.sh=1620 10-listen-on-ipv6-by-default.sh=2120 20-envsubst-on-templates.sh=3020 30-tune-worker-processes.sh=4950
FROM debian:trixie-slim
ENV NGINX_VERSION=1.31.3
ENV NJS_VERSION=0.9.4
RUN set -x \
    && groupadd --system --gid 101 nginx \
    && useradd --system --gid nginx --no-create-home --home /nonexistent --shell /bin/false --uid 101 nginx \
    && apt-get update \
    && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates \
    && echo "deb [signed-by=/etc/apt/keyrings/nginx-archive-keyring.gpg] https://nginx.org/packages/mainline/debian/ trixie nginx" >> /etc/apt/sources.list.d/nginx.list \
    && apt-get update \
    && apt-get install --no-install-recommends --no-install-suggests -y nginx nginx-module-xslt nginx-module-geoip nginx-module-image-filter nginx-module-njs gettext-base curl \
    && apt-get remove --purge --auto-remove -y gnupg1 \
    && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list \
    && ln -sf /dev/stdout /var/log/nginx/access.log \
    && ln -sf /dev/stderr /var/log/nginx/error.log \
    && mkdir /docker-entrypoint.d
COPY docker-entrypoint.sh /
COPY 10-listen-on-ipv6-by-default.sh 20-envsubst-on-templates.sh 30-tune-worker-processes.sh /docker-entrypoint.d/
ENTRYPOINT ["/docker-entrypoint.sh"]
EXPOSE 80
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
