# pattern: software-properties-common (add-apt-repository) installed on trixie, which no longer ships it
# source: GoogleCloudPlatform/microservices-demo src/frontend/EmptyUbuntu.Dockerfile @39577c8ad81253acc76905fe2916b41e8af8b79b
# expect: package-not-in-release
FROM debian:trixie
RUN apt-get update && apt-get install -y --no-install-recommends software-properties-common && rm -rf /var/lib/apt/lists/*
CMD ["bash"]
