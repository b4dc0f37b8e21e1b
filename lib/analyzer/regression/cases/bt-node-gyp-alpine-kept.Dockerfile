# pattern: node alpine image installs python3, make and g++ for node-gyp and ships them
# source: GoogleCloudPlatform/microservices-demo docker/currencyservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect: build-tools-in-final
# file: package.json {"name":"api","version":"1.0.0","scripts":{"start":"node server.js"},"dependencies":{"express":"4.21.2"}}
# context: package-lock.json=40000 server.js=3000
FROM node:20-alpine
WORKDIR /app
COPY package*.json ./
RUN apk add --no-cache python3 make g++
RUN npm ci --omit=dev
COPY . .
CMD ["node", "server.js"]
