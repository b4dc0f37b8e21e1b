# Broken: an Alpine final stage for a venv built on Debian
# Why: psycopg2 in the venv was compiled against glibc; python:3.11-alpine has musl, so it fails to import and gunicorn cannot load the app.
# Fails: The app can still start
FROM python:3.11-slim-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev libpq-dev && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
FROM python:3.11-alpine
RUN apk add --no-cache libpq
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /app
COPY app/ ./app/
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
