# pattern: a binary built against OpenSSL 1.1 pulled onto ubuntu:22.04, which only ships libssl3
# source: GoogleCloudPlatform/microservices-demo src/frontend/EmptyUbuntu.Dockerfile @39577c8ad81253acc76905fe2916b41e8af8b79b
# expect: package-not-in-release
FROM ubuntu:22.04
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates libssl1.1 && rm -rf /var/lib/apt/lists/*
CMD ["bash"]
