# pattern: deadsnakes PPA added with add-apt-repository before installing python3.13 on jammy
# source: GoogleCloudPlatform/microservices-demo src/frontend/EmptyUbuntu.Dockerfile @39577c8ad81253acc76905fe2916b41e8af8b79b
# expect-not: package-not-in-release
FROM ubuntu:22.04
RUN apt-get update && apt-get install -y --no-install-recommends software-properties-common \
    && add-apt-repository -y ppa:deadsnakes/ppa \
    && apt-get update && apt-get install -y --no-install-recommends python3.13 \
    && rm -rf /var/lib/apt/lists/*
CMD ["python3.13"]
