# Broken: curl dropped from the install to save space
# Why: the HEALTHCHECK runs curl: without it every check fails and Docker reports the container unhealthy.
# Fails: The health check can still run
FROM python:3.11-slim-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev libpq-dev && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
FROM python:3.11-slim-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /app
COPY app/ ./app/
RUN useradd --system --uid 10001 app
USER app
HEALTHCHECK CMD ["curl", "-fsS", "http://localhost:8000/health"]
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
