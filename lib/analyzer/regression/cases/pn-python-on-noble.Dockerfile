# pattern: tutorial written for Ubuntu 18.04: apt-get install python python-pip on ubuntu:24.04, which has neither
# source: GoogleCloudPlatform/microservices-demo src/frontend/EmptyUbuntu.Dockerfile @39577c8ad81253acc76905fe2916b41e8af8b79b
# expect: package-not-in-release
FROM ubuntu:24.04
RUN apt-get update && apt-get install -y --no-install-recommends python python-pip && rm -rf /var/lib/apt/lists/*
CMD ["bash"]
