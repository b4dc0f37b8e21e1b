# Alternative: pip --prefix in a builder stage, copied into /usr/local, heredoc apt
FROM python:3.11-slim-bookworm AS builder
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends gcc libc6-dev libpq-dev
rm -rf /var/lib/apt/lists/*
EOF
COPY requirements.txt .
RUN pip install --no-cache-dir --prefix=/install -r requirements.txt

FROM python:3.11-slim-bookworm AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq5 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=builder /install /usr/local
WORKDIR /app
COPY app/ ./app/
RUN useradd --system app
USER app
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
