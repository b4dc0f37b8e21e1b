# pattern: Rails app: base image from an ARG, apt under cache mounts for /var/cache and /var/lib/apt (no list clean-up needed), builder stages for gems and yarn, final stage copies vendor/bundle and node_modules and runs as its own user
# source: mastodon/mastodon Dockerfile @00297341af4ac8226753b1b82efff5df8f3c4d1b
# expect-not: apt-lists-not-removed apt-get-missing-yes single-stage-build runs-as-root build-tools-in-final
# context: Gemfile=3000 Gemfile.lock=20000 package.json=4000 yarn.lock=400000 app/models/user.rb=9000 config/application.rb=3000
# dockerignore: .git
# dockerignore: node_modules
ARG BASE_IMAGE="ruby:3.4-slim-trixie"
ARG MASTODON_HOME="/opt/mastodon"
FROM ${BASE_IMAGE} AS base
ARG MASTODON_HOME
RUN --mount=type=cache,target=/var/cache,sharing=locked \
    --mount=type=cache,target=/var/lib/apt,sharing=locked \
    set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends file libjemalloc2 tini tzdata wget libpq5; \
    groupadd -g 991 mastodon; \
    useradd -u 991 -g 991 -l -m -d "${MASTODON_HOME}" mastodon
ENV MASTODON_HOME="${MASTODON_HOME}" RAILS_ENV=production NODE_ENV=production
WORKDIR ${MASTODON_HOME}
FROM base AS builder-base
RUN --mount=type=cache,target=/var/cache,sharing=locked \
    --mount=type=cache,target=/var/lib/apt,sharing=locked \
    set -eux; \
    apt-get install -y --no-install-recommends gcc git g++ make python3
FROM builder-base AS bundle-installer
ADD Gemfile* ${MASTODON_HOME}/
RUN --mount=type=cache,target=/var/cache,sharing=locked \
    --mount=type=cache,target=/var/lib/apt,sharing=locked \
    apt-get install -y --no-install-recommends libpq-dev && bundle install --no-cache
FROM builder-base AS yarn-installer
ADD package.json yarn.lock ${MASTODON_HOME}/
RUN yarn install --frozen-lockfile && yarn cache clean --all
FROM base
COPY --link . ${MASTODON_HOME}
COPY --link --from=bundle-installer ${MASTODON_HOME}/vendor/bundle ${MASTODON_HOME}/vendor/bundle
COPY --link --from=yarn-installer ${MASTODON_HOME}/node_modules ${MASTODON_HOME}/node_modules
USER mastodon
ENTRYPOINT ["/usr/bin/tini", "--"]
EXPOSE 3000
