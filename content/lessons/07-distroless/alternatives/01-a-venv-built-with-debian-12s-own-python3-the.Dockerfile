# Alternative: a venv built with Debian 12’s own python3 (the distroless recipe)
FROM debian:12-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3-venv \
 && rm -rf /var/lib/apt/lists/*
RUN python3 -m venv /venv
COPY requirements.txt .
RUN /venv/bin/pip install --no-cache-dir -r requirements.txt

FROM gcr.io/distroless/python3-debian12
COPY --from=build /venv /venv
WORKDIR /app
COPY app/ ./app/
USER nonroot
ENTRYPOINT ["/venv/bin/python3", "-m", "gunicorn"]
CMD ["--bind", "0.0.0.0:8000", "app.main:app"]
