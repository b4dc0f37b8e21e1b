# pattern: node app that switches to the node user and copies with --chown
# source: nodejs/docker-node 22/bookworm-slim/Dockerfile @07bd7414c9eeb7a134951122e1105e8c849f770e
# expect-not: runs-as-root chown-duplicates-layer npm-install-dev-deps
# file: package.json {"name":"api","version":"1.0.0","scripts":{"start":"node server.js","test":"jest"},"dependencies":{"express":"4.21.2"},"devDependencies":{"jest":"29.7.0","eslint":"9.17.0"}}
# context: server.js=4200 src/routes.js=3100 src/db.js=2600
FROM node:22-bookworm-slim
WORKDIR /home/node/app
COPY --chown=node:node package*.json ./
USER node
RUN npm ci --omit=dev
COPY --chown=node:node . .
CMD ["node", "server.js"]
