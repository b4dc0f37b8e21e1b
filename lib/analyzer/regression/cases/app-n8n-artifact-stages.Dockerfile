# pattern: node app from a private base image: an alpine stage that only holds the compiled app, another that downloads and unpacks a launcher release, final stage copies both and runs npm rebuild of one native module as root before USER node
# source: n8n-io/n8n docker/images/n8n/Dockerfile @003abfdc4f53791ebe60fd579af8de28a2a782a6
# expect-not: runs-as-root single-stage-build runtime-missing npm-install-dev-deps
# context: compiled/package.json=3000 compiled/bin/n8n=400 compiled/dist/index.js=900000 docker/images/n8n/docker-entrypoint.sh=600
ARG NODE_VERSION=22
FROM n8nio/base:${NODE_VERSION} AS system-deps
FROM alpine:3.22 AS app-artifact-processor
COPY ./compiled /app/
FROM alpine:3.22 AS launcher-downloader
RUN set -e; \
    mkdir /launcher-temp && cd /launcher-temp; \
    wget -q "https://github.com/n8n-io/task-runner-launcher/releases/download/1.3.0/task-runner-launcher-1.3.0-linux-amd64.tar.gz"; \
    mkdir -p /launcher-bin; \
    tar xzf task-runner-launcher-1.3.0-linux-amd64.tar.gz -C /launcher-bin; \
    cd / && rm -rf /launcher-temp
FROM system-deps AS runtime
ENV NODE_ENV=production
WORKDIR /home/node
COPY --from=app-artifact-processor /app /usr/local/lib/node_modules/n8n
COPY --from=launcher-downloader /launcher-bin/* /usr/local/bin/
COPY docker/images/n8n/docker-entrypoint.sh /
RUN cd /usr/local/lib/node_modules/n8n && npm rebuild sqlite3 && ln -s /usr/local/lib/node_modules/n8n/bin/n8n /usr/local/bin/n8n && mkdir -p /home/node/.n8n && chown -R node:node /home/node
EXPOSE 5678/tcp
USER node
ENTRYPOINT ["tini", "--", "/docker-entrypoint.sh"]
