# Broken: pip install in a final stage without gcc
# Why: psycopg2 has no wheel: pip compiles it, and a slim final stage has no gcc or libpq-dev.
# Fails: No errors
FROM python:3.11-slim-bookworm AS build
RUN python -m venv /opt/venv

FROM python:3.11-slim-bookworm
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq5 \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app/ ./app/
USER nobody
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
