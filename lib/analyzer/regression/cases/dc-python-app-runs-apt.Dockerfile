# pattern: python app whose final stage installs OS packages: not a distroless candidate
# source: GoogleCloudPlatform/microservices-demo docker/loadgenerator.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: distroless-candidate
# context: app.py=2000
FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*
COPY app.py .
CMD ["python", "app.py"]
