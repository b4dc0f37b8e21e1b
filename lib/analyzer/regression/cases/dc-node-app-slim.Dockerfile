# pattern: node app copied into node slim and started with node: a distroless nodejs image could run it
# source: GoogleCloudPlatform/microservices-demo docker/currencyservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect: distroless-candidate
# context: server.js=3000
FROM node:22-bookworm-slim
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY server.js ./
CMD ["node", "server.js"]
