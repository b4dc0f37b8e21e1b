# pattern: yarn install (devDependencies included) in the shipped image
# source: GoogleCloudPlatform/microservices-demo docker/paymentservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# file: package.json {"name":"api","version":"1.0.0","scripts":{"start":"node server.js","test":"jest"},"dependencies":{"express":"4.21.2"},"devDependencies":{"jest":"29.7.0","eslint":"9.17.0"}}
# context: yarn.lock=50000 server.js=4000
# message-not: npm-install-dev-deps -slim
FROM node:22-bookworm-slim
WORKDIR /app
COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile
COPY . .
CMD ["node", "server.js"]
