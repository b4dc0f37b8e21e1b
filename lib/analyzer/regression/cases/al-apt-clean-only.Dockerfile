# pattern: apt-get clean without removing the lists (clean empties /var/cache/apt only)
# source: GoogleCloudPlatform/microservices-demo src/frontend/EmptyUbuntu.Dockerfile @39577c8ad81253acc76905fe2916b41e8af8b79b
# expect: apt-lists-not-removed
FROM ubuntu:22.04
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && apt-get clean
CMD ["bash"]
