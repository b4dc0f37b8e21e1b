# pattern: development image analysed without its context: CMD runs nodemon through npx, so the devDependencies are wanted
# source: GoogleCloudPlatform/microservices-demo docker/paymentservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: npm-install-dev-deps
FROM node:22-bookworm-slim
WORKDIR /app
COPY package*.json ./
RUN npm install
COPY . .
CMD ["npx", "nodemon", "server.js"]
