# pattern: the stage that ships is FROM --platform=$BUILDPLATFORM
# source: GoogleCloudPlatform/microservices-demo docker/currencyservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect: platform-mismatch-final
# file: package.json {"name":"api","version":"1.0.0","scripts":{"start":"node server.js"},"dependencies":{"express":"4.21.2"}}
# context: server.js=4200 src/routes.js=3100 src/db.js=2600
FROM --platform=$BUILDPLATFORM node:22-alpine
WORKDIR /app
COPY . .
RUN npm ci --omit=dev
CMD ["node", "server.js"]
