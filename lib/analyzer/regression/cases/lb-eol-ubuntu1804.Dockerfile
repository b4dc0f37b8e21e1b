# pattern: an old tutorial's base image still in use: ubuntu:18.04 (standard support ended on 2023-05-31)
# source: learner attempt on lesson 01-base-image (content/lessons in this repository), base taken from an old tutorial
# expect: eol-base-image
FROM ubuntu:18.04
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
CMD ["curl", "--version"]
