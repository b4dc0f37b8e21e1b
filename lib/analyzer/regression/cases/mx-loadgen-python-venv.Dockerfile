# pattern: python tool: venv built in a builder, copied into the runtime stage
# source: GoogleCloudPlatform/microservices-demo docker/loadgenerator.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: build-tools-in-final single-stage-build runtime-missing
# context: requirements.txt=200 locustfile.py=3000
FROM python:3.12-slim AS builder
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
FROM python:3.12-slim
COPY --from=builder /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY locustfile.py .
ENTRYPOINT ["locust", "-f", "locustfile.py"]
