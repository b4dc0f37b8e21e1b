# pattern: lists left in a builder stage that is only copied from
# source: GoogleCloudPlatform/microservices-demo docker/emailservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: apt-lists-not-removed cleanup-in-later-layer
FROM debian:bookworm-slim AS fetch
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates
RUN curl -fsSL -o /tool https://example.com/tool
FROM debian:bookworm-slim
COPY --from=fetch /tool /usr/local/bin/tool
CMD ["tool"]
