# pattern: lists removed by a later RUN: both findings may point at it, the savings count once
# source: GoogleCloudPlatform/microservices-demo src/frontend/EmptyUbuntu.Dockerfile @39577c8ad81253acc76905fe2916b41e8af8b79b
# expect: cleanup-in-later-layer
# max-savings: 22 MB
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN rm -rf /var/lib/apt/lists/*
CMD ["bash"]
