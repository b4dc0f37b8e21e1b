# pattern: npm install --only=production (the form microservices-demo uses)
# source: GoogleCloudPlatform/microservices-demo docker/currencyservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: npm-install-dev-deps
# file: package.json {"name":"api","version":"1.0.0","scripts":{"start":"node server.js","test":"jest"},"dependencies":{"express":"4.21.2"},"devDependencies":{"jest":"29.7.0","eslint":"9.17.0"}}
# context: server.js=4200 src/routes.js=3100 src/db.js=2600
FROM node:20-alpine
WORKDIR /app
COPY package*.json ./
RUN npm install --only=production
COPY . .
ENTRYPOINT ["node", "server.js"]
