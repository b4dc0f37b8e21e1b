# pattern: nginx.org apt source added before installing its modules (official nginx image)
# source: nginx/docker-nginx mainline/debian/Dockerfile @e4d5453581d9d3618f77c4aeccf2e6171a1cd6ff
# expect-not: package-not-in-release
FROM debian:trixie-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates gnupg1 \
    && echo "deb https://nginx.org/packages/mainline/debian/ trixie nginx" >> /etc/apt/sources.list.d/nginx.list \
    && apt-get update && apt-get install -y --no-install-recommends nginx nginx-module-njs \
    && rm -rf /var/lib/apt/lists/*
CMD ["nginx", "-g", "daemon off;"]
