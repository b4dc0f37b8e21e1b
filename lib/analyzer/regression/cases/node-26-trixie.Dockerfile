# pattern: official node full image on buildpack-deps:trixie for a Node.js major with no slim image in the tables (the install is a range), and no yarn layer any more
# source: nodejs/docker-node 26/trixie/Dockerfile @f27d936f7d7ccdeec25cd2de33584c1a841f561d
# truth: 1240 MB docker-library/repo-info repos/node/local/26-trixie.md @a9255e5749 (node:26-trixie; Virtual Size printed as 1.24 Gb, so ±5 MB)
# expect-not: apt-lists-not-removed single-stage-build
# context: docker-entrypoint.sh=388
FROM buildpack-deps:trixie
RUN groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
ENV NODE_VERSION=26.7.0
RUN ARCH=x64 \
  && export GNUPGHOME="$(mktemp -d)" \
  && set -ex \
  && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz" \
  && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/SHASUMS256.txt.asc" \
  && rm -rf "$GNUPGHOME" \
  && tar -xJf "node-v$NODE_VERSION-linux-$ARCH.tar.xz" -C /usr/local --strip-components=1 --no-same-owner \
  && rm "node-v$NODE_VERSION-linux-$ARCH.tar.xz" SHASUMS256.txt.asc \
  && ln -s /usr/local/bin/node /usr/local/bin/nodejs \
  && node --version \
  && npm --version \
  && rm -rf /tmp/*
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["node"]
