# pattern: look-alike of lb-final-stage-no-node: the alpine final stage also copies the node binary from the builder, so node is there
# source: learner attempt on lesson 02-multi-stage (content/lessons/02-multi-stage/start.Dockerfile in this repository), fixed by copying /usr/local/bin/node
# expect-not: runtime-missing
# context: package.json=600 package-lock.json=40000 server.js=2000
FROM node:22-alpine AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY server.js .
FROM alpine:3.22
RUN apk add --no-cache libstdc++
COPY --from=build /usr/local/bin/node /usr/local/bin/node
WORKDIR /app
COPY --from=build /app /app
CMD ["node", "server.js"]
