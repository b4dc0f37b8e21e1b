# pattern: the same install on bookworm, where libgl1-mesa-glx still exists
# source: GoogleCloudPlatform/microservices-demo docker/recommendation.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: package-not-in-release
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libgl1-mesa-glx libglib2.0-0 && rm -rf /var/lib/apt/lists/*
CMD ["bash"]
