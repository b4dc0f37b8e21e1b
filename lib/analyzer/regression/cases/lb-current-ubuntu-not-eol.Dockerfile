# pattern: look-alike of lb-eol-ubuntu1804: ubuntu:24.04 is supported, so no end-of-life finding
# source: learner attempt on lesson 01-base-image (content/lessons in this repository)
# expect-not: eol-base-image
FROM ubuntu:24.04
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
CMD ["curl", "--version"]
