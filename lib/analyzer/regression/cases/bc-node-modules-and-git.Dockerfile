# pattern: COPY . . with node_modules and .git in the context and no .dockerignore
# source: GoogleCloudPlatform/microservices-demo docker/paymentservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect: broad-copy-no-dockerignore
# file: package.json {"name":"api","version":"1.0.0","scripts":{"start":"node server.js"},"dependencies":{"express":"4.21.2"}}
# context: server.js=4000 package-lock.json=40000 node_modules/express/index.js=90000 node_modules/.package-lock.json=30000 .git/objects/pack/pack-1.pack=8000000 .git/HEAD=23
FROM node:22-bookworm-slim
WORKDIR /app
COPY . .
RUN npm ci --omit=dev
CMD ["node", "server.js"]
