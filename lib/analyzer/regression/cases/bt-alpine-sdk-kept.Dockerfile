# pattern: alpine-sdk (abuild, build-base and git) installed in the image that ships, to build a native npm module: the toolchain it pulls in ships
# source: alpinelinux/aports main/alpine-sdk/APKBUILD @85aac216868ba0c6e878ec6ffdcd081fb8350c3e (depends="abuild build-base git"); the install as in lb-npm-ci-lockfile-glob
# expect: build-tools-in-final
# context: package.json=600 package-lock.json=40000 server.js=2000
# file: package.json {"name":"app","version":"1.0.0","dependencies":{"bcrypt":"^5.1.1"}}
FROM node:22-alpine
WORKDIR /app
RUN apk add --no-cache alpine-sdk python3
COPY package*.json ./
RUN npm ci --omit=dev
COPY server.js .
USER node
CMD ["node", "server.js"]
