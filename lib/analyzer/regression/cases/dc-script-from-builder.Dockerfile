# pattern: launcher copied from a stage that only ran npm (no native compile): no static suggestion
# source: GoogleCloudPlatform/microservices-demo docker/paymentservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: distroless-candidate
# file: package.json {"name":"x","scripts":{"build":"tsc"},"dependencies":{},"devDependencies":{"typescript":"5.7.2"}}
# context: src/index.ts=800
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm ci && npm run build
FROM debian:bookworm-slim
COPY --from=build /app/bin/launch /usr/local/bin/launch
ENTRYPOINT ["/usr/local/bin/launch"]
