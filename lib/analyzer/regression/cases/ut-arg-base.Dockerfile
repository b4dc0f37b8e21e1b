# pattern: base image named by an ARG (the value is chosen at build time)
# source: docker-library/golang 1.26/alpine3.23/Dockerfile @0a8424b32f5bbc6cdb2bd80efdf1c363083b5d5c
# expect-not: unpinned-base-tag base-image-unknown-name
ARG BASE=python:3.12-slim
FROM ${BASE}
CMD ["python"]
