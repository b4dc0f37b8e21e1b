# Alternative: a heredoc RUN with set -eux
FROM python:3.11-slim-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends gcc libc6-dev libpq-dev \
 && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

FROM python:3.11-slim-bookworm
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends libpq5 curl
rm -rf /var/lib/apt/lists/*
EOF
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /app
COPY app/ ./app/
USER nobody
HEALTHCHECK CMD ["curl", "-fsS", "http://localhost:8000/health"]
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
