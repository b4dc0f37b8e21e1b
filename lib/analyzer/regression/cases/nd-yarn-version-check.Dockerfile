# pattern: an official node image smoke-tests the Yarn it unpacked with `yarn --version`; a version query installs nothing and keeps no cache
# source: nodejs/docker-node 22/bookworm-slim/Dockerfile @07bd7414c9eeb7a134951122e1105e8c849f770e
# expect-not: yarn-cache-kept single-stage-build
# context: server.js=4000
FROM node:22-bookworm-slim
RUN yarn --version && node --version
WORKDIR /app
COPY server.js ./
CMD ["node", "server.js"]
