# pattern: apt-get update && install without removing the lists
# source: GoogleCloudPlatform/microservices-demo src/frontend/EmptyUbuntu.Dockerfile @39577c8ad81253acc76905fe2916b41e8af8b79b
# expect: apt-lists-not-removed
FROM ubuntu:24.04
RUN apt-get update && apt-get install -y --no-install-recommends curl
CMD ["bash"]
