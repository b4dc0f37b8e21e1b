# pattern: FROM an earlier stage name
# source: GoogleCloudPlatform/microservices-demo docker/emailservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: unpinned-base-tag base-image-unknown-name
# context: app.py=900
FROM python:3.12-slim AS base
FROM base AS app
COPY app.py .
CMD ["python", "app.py"]
