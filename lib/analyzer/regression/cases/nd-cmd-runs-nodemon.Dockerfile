# pattern: development image: CMD runs nodemon, a devDependency, so dev dependencies are wanted
# source: GoogleCloudPlatform/microservices-demo docker/paymentservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: npm-install-dev-deps
# file: package.json {"name":"api","scripts":{"dev":"nodemon server.js"},"dependencies":{"express":"4.21.2"},"devDependencies":{"nodemon":"3.1.9"}}
# context: server.js=4200 src/routes.js=3100 src/db.js=2600
FROM node:22-bookworm-slim
WORKDIR /app
COPY package*.json ./
RUN npm install
COPY . .
CMD ["npx", "nodemon", "server.js"]
