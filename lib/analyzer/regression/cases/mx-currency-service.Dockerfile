# pattern: node service: production install in a builder with node-gyp tools, node_modules copied into alpine + nodejs
# source: GoogleCloudPlatform/microservices-demo docker/currencyservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: build-tools-in-final npm-install-dev-deps apk-cache-kept single-stage-build runtime-missing
# file: package.json {"name":"api","version":"1.0.0","scripts":{"start":"node server.js","test":"jest"},"dependencies":{"express":"4.21.2"},"devDependencies":{"jest":"29.7.0","eslint":"9.17.0"}}
# context: server.js=4200 src/routes.js=3100 src/db.js=2600
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
EXPOSE 7000
ENTRYPOINT ["node", "server.js"]
