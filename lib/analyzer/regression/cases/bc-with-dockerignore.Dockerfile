# pattern: COPY . . with a .dockerignore present
# source: GoogleCloudPlatform/microservices-demo docker/paymentservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: broad-copy-no-dockerignore
# context: server.js=4000 .dockerignore=40 node_modules/x/index.js=90000
# dockerignore: node_modules
# dockerignore: .git
FROM node:22-bookworm-slim
WORKDIR /app
COPY . .
CMD ["node", "server.js"]
