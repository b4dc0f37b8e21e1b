# pattern: official node alpine image: fetch the musl build of the release (or build from source), keep the .so deps found by scanelf, apk del the build deps in the same RUN
# source: nodejs/docker-node 22/alpine3.23/Dockerfile @8874b155122c3e130f8104f57bd56696dab77cb6
# truth: 170.75 MB docker-library/repo-info repos/node/local/24-alpine.md @680e90cf33 (node:24-alpine, NODE_VERSION 24.21.0, alpine 3.24)
# expect-not: build-tools-in-final single-stage-build apk-cache-kept
# context: docker-entrypoint.sh=388
FROM alpine:3.24
RUN addgroup -g 1000 node && adduser -u 1000 -G node -s /bin/sh -D node
ENV NODE_VERSION=24.21.0
RUN ARCH=x64 \
    && apk add --no-cache libstdc++ \
    && apk add --no-cache --virtual .build-deps curl \
    && curl -fsSLO --compressed "https://unofficial-builds.nodejs.org/download/release/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz" \
    && tar -xJf "node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz" -C /usr/local --strip-components=1 --no-same-owner \
    && find /usr/local/include/node/openssl/archs -mindepth 1 -maxdepth 1 ! -name linux-x86_64 -exec rm -rf {} \; \
    && ln -s /usr/local/bin/node /usr/local/bin/nodejs \
    && rm -f "node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz" \
    && apk del .build-deps \
    && node --version && npm --version
ENV YARN_VERSION=1.22.22
RUN apk add --no-cache --virtual .build-deps-yarn curl gnupg tar \
  && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz" \
  && mkdir -p /opt \
  && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/ \
  && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn \
  && rm yarn-v$YARN_VERSION.tar.gz \
  && apk del .build-deps-yarn \
  && yarn --version && rm -rf /tmp/*
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["node"]
