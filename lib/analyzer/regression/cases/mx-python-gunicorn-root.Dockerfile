# pattern: flask app with gunicorn, pip cache removed, runs as root
# source: GoogleCloudPlatform/microservices-demo docker/loadgenerator.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect: runs-as-root
# expect-not: build-tools-in-final single-stage-build broad-copy-no-dockerignore
# context: app.py=3000 requirements.txt=80 templates/index.html=2000
FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
EXPOSE 8000
CMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]
