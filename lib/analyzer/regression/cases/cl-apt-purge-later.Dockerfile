# pattern: packages purged by a later RUN still ship in the layer that installed them
# source: GoogleCloudPlatform/microservices-demo src/frontend/EmptyUbuntu.Dockerfile @39577c8ad81253acc76905fe2916b41e8af8b79b
# expect: cleanup-in-later-layer
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev && rm -rf /var/lib/apt/lists/*
RUN apt-get purge -y --auto-remove gcc libc6-dev
CMD ["bash"]
