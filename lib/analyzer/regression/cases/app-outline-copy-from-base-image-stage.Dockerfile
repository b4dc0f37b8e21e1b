# pattern: node app whose build happens in a separately published base image: FROM that image as a stage, final node slim copies build/, server/ and node_modules from it; apt-get install without --no-install-recommends for a healthcheck tool
# source: outline/outline Dockerfile @05dbfa47b5a2be54d8fac5e17023aff094f15d2f
# expect: apt-install-recommends
# expect-not: runtime-missing npm-install-dev-deps apt-lists-not-removed single-stage-build copy-from-unknown-stage copy-from-invalid-stage-index
ARG APP_PATH=/opt/outline
FROM outlinewiki/outline-base AS base
ARG APP_PATH
WORKDIR $APP_PATH
FROM node:20-bookworm-slim AS runner
ARG APP_PATH
WORKDIR $APP_PATH
ENV NODE_ENV=production
RUN addgroup --gid 1001 nodejs && adduser --uid 1001 --ingroup nodejs nodejs && mkdir -p /var/lib/outline && chown -R nodejs:nodejs /var/lib/outline
COPY --from=base --chown=nodejs:nodejs $APP_PATH/build ./build
COPY --from=base $APP_PATH/server ./server
COPY --from=base $APP_PATH/node_modules ./node_modules
COPY --from=base $APP_PATH/package.json ./package.json
RUN apt-get update && apt-get install -y wget && rm -rf /var/lib/apt/lists/*
USER nodejs
HEALTHCHECK --interval=1m CMD wget -qO- "http://localhost:3000/_health" | grep -q OK || exit 1
EXPOSE 3000
CMD ["yarn", "start"]
