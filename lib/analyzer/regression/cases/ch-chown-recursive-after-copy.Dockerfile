# pattern: COPY . then RUN chown -R: every copied byte is stored a second time
# source: GoogleCloudPlatform/microservices-demo docker/paymentservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect: chown-duplicates-layer
# context: package.json=600 server.js=4000 public/app.js=900000 public/vendor.js=2400000 public/logo.png=300000
FROM node:22-bookworm-slim
WORKDIR /app
COPY . .
RUN chown -R node:node /app
USER node
CMD ["node", "server.js"]
