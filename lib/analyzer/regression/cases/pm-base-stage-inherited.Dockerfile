# pattern: the shipped stage inherits a $BUILDPLATFORM base stage
# source: GoogleCloudPlatform/microservices-demo docker/emailservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect: platform-mismatch-final
# context: app.py=1000
FROM --platform=$BUILDPLATFORM python:3.12-slim AS base
FROM base
COPY app.py .
CMD ["python", "app.py"]
