# pattern: COPY . . with no context described (a pasted Dockerfile): nothing to judge
# source: GoogleCloudPlatform/microservices-demo docker/loadgenerator.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: broad-copy-no-dockerignore
FROM python:3.12-slim
WORKDIR /app
COPY . .
CMD ["python", "app.py"]
