# pattern: build-base (a meta package that brings g++ and make) in one RUN, then `apk add python3 make g++` again in a later RUN: the second install adds nothing, g++ and make are counted once, and the build tools are reported once, at build-base
# source: directus/directus Dockerfile @00a9f9e6090258170df7ae9f36beb069f8af6070
# expect: build-tools-in-final apk-cache-kept
# message-not: build-tools-in-final make, g++
# max-savings: 340 MB
# context: package.json=3000 pnpm-lock.yaml=400000 pnpm-workspace.yaml=200 api/package.json=4000 api/src/index.ts=20000
ARG NODE_VERSION=16-alpine

FROM node:${NODE_VERSION}

RUN apk update
RUN apk --no-cache add --virtual builds-deps build-base python3 openssh-client bash git openssh curl
RUN apk add nano

WORKDIR /directus

COPY . .

RUN apk add --update python3 make g++\
   && rm -rf /var/cache/apk/*

WORKDIR /directus/api

CMD ["sh", "-c", "node ./cli.js bootstrap && node ./dist/start.js;"]
EXPOSE 8055/tcp
