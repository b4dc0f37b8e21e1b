# Alternative: allow-list .dockerignore and a Debian 12 venv
FROM debian:12-slim AS venv
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3-venv \
 && rm -rf /var/lib/apt/lists/*
RUN python3 -m venv /venv
COPY requirements.txt .
RUN /venv/bin/pip install --no-cache-dir -r requirements.txt

FROM gcr.io/distroless/python3-debian12:nonroot
COPY --from=venv /venv /venv
WORKDIR /app
COPY app/ ./app/
ENTRYPOINT ["/venv/bin/python3", "-m", "gunicorn"]
CMD ["--bind", "0.0.0.0:8000", "app.main:app"]
