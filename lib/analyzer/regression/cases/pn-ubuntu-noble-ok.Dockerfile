# pattern: everyday tools on ubuntu noble all exist
# source: GoogleCloudPlatform/microservices-demo src/frontend/EmptyUbuntu.Dockerfile @39577c8ad81253acc76905fe2916b41e8af8b79b
# expect-not: package-not-in-release
FROM ubuntu:24.04
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl git python3 python3-pip libpq-dev && rm -rf /var/lib/apt/lists/*
CMD ["bash"]
