# pattern: the final FROM picks a per-architecture stage through the automatic platform ARG (FROM runtime-$TARGETARCH, no ARG line): the amd64 stage is what ships
# source: ollama/ollama Dockerfile @000ce02098f6bfea486601b5cae35ba38f8824fc
# expect: apt-lists-not-removed
# expect-not: runs-as-root
FROM debian:bookworm-slim AS runtime-amd64
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates
RUN useradd --system app
FROM alpine:3.22 AS runtime-arm64
RUN apk add --no-cache ca-certificates
FROM runtime-$TARGETARCH
USER app
ENTRYPOINT ["/bin/sh", "-c", "echo serve"]
