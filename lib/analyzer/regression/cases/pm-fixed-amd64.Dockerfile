# pattern: FROM --platform=linux/amd64 pinned on purpose
# source: GoogleCloudPlatform/microservices-demo docker/recommendation.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: platform-mismatch-final
# context: app.py=1000
FROM --platform=linux/amd64 python:3.12-slim
COPY app.py .
CMD ["python", "app.py"]
