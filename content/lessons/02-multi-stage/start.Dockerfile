FROM python:3.11-slim-bookworm

# psycopg2 compiles against libpq: it needs gcc and the headers
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      gcc libc6-dev libpq-dev \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app/ ./app/

RUN useradd --system --uid 10001 app
USER app
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
