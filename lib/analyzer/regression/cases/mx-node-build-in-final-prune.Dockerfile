# pattern: node app built in the final stage, dev dependencies pruned in the same RUN
# source: GoogleCloudPlatform/microservices-demo docker/paymentservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect: single-stage-build
# expect-not: npm-install-dev-deps
# file: package.json {"name":"api","scripts":{"build":"tsc"},"dependencies":{"express":"4.21.2"},"devDependencies":{"typescript":"5.7.2"}}
# context: src/server.ts=3000 tsconfig.json=300
FROM node:22-bookworm-slim
WORKDIR /app
COPY . .
RUN npm ci && npm run build && npm prune --omit=dev
CMD ["node", "dist/server.js"]
