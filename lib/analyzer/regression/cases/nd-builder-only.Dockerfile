# pattern: dev dependencies installed only in a build stage
# source: GoogleCloudPlatform/microservices-demo docker/paymentservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: npm-install-dev-deps single-stage-build
# file: package.json {"name":"api","scripts":{"build":"tsc"},"dependencies":{"express":"4.21.2"},"devDependencies":{"typescript":"5.7.2"}}
# context: src/server.ts=3000 tsconfig.json=300
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY . .
RUN npm run build
FROM node:22-bookworm-slim
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev
COPY --from=build /app/dist ./dist
CMD ["node", "dist/server.js"]
