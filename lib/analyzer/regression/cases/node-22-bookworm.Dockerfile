# pattern: official node full image on buildpack-deps: the release tarball unpacked over a base that already has compilers and curl
# source: nodejs/docker-node 22/bookworm/Dockerfile @a87fa26c1bb455170dac58c57c661e820a7390cb
# truth: 1130 MB docker-library/repo-info repos/node/local/22.23.1-bookworm.md @3d8900ff62 (node:22, NODE_VERSION 22.23.1)
# expect-not: apt-lists-not-removed
# context: docker-entrypoint.sh=388
FROM buildpack-deps:bookworm
RUN groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
ENV NODE_VERSION=22.23.1
RUN ARCH=x64 \
  && set -ex \
  && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz" \
  && tar -xJf "node-v$NODE_VERSION-linux-$ARCH.tar.xz" -C /usr/local --strip-components=1 --no-same-owner \
  && rm "node-v$NODE_VERSION-linux-$ARCH.tar.xz" \
  && ln -s /usr/local/bin/node /usr/local/bin/nodejs \
  && node --version && npm --version
ENV YARN_VERSION=1.22.22
RUN set -ex \
  && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz" \
  && mkdir -p /opt \
  && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/ \
  && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn \
  && rm yarn-v$YARN_VERSION.tar.gz \
  && yarn --version
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["node"]
