# pattern: learner attempt: update and install in separate RUNs, cleanup in a third
# source: GoogleCloudPlatform/microservices-demo src/frontend/EmptyUbuntu.Dockerfile @39577c8ad81253acc76905fe2916b41e8af8b79b
# expect: cleanup-in-later-layer
# max-savings: 25 MB
FROM debian:bookworm-slim
RUN apt-get update
RUN apt-get install -y --no-install-recommends curl
RUN rm -rf /var/lib/apt/lists/*
CMD ["bash"]
