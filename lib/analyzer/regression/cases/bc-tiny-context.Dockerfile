# pattern: COPY . . of a context of three small files: nothing worth ignoring
# source: GoogleCloudPlatform/microservices-demo docker/loadgenerator.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: broad-copy-no-dockerignore
# context: app.py=2000 requirements.txt=60 Dockerfile=120
FROM python:3.12-slim
WORKDIR /app
COPY . .
CMD ["python", "app.py"]
