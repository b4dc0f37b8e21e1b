# pattern: python service: wheels built in a builder stage on the same base, site-packages copied over
# source: GoogleCloudPlatform/microservices-demo docker/emailservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: build-tools-in-final single-stage-build apt-lists-not-removed runtime-missing broad-copy-no-dockerignore
# context: email_server.py=6000 requirements.txt=300 templates/confirmation.html=3000
FROM python:3.12-slim AS base
FROM base AS builder
RUN apt-get -qq update \
    && apt-get install -y --no-install-recommends wget g++ \
    && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install -r requirements.txt
FROM base
ENV PYTHONUNBUFFERED=1
WORKDIR /email_server
COPY --from=builder /usr/local/lib/python3.12/ /usr/local/lib/python3.12/
COPY . .
EXPOSE 8080
ENTRYPOINT ["python", "email_server.py"]
