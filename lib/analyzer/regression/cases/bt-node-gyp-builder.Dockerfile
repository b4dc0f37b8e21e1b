# pattern: node-gyp toolchain confined to a builder stage, node_modules copied into plain alpine
# source: GoogleCloudPlatform/microservices-demo docker/currencyservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: build-tools-in-final npm-install-dev-deps single-stage-build
# file: package.json {"name":"api","version":"1.0.0","scripts":{"start":"node server.js"},"dependencies":{"express":"4.21.2"}}
# context: package-lock.json=40000 server.js=3000
FROM node:20-alpine AS builder
WORKDIR /app
ENV NODE_ENV=production
COPY package*.json ./
RUN apk add --update --no-cache python3 make g++
RUN npm install --only=production
FROM alpine:3.20
WORKDIR /app
RUN apk add --no-cache nodejs
COPY --from=builder /app/node_modules ./node_modules
COPY . .
ENTRYPOINT ["node", "server.js"]
