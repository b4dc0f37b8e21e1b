# Broken: apt-get dist-clean on bookworm
# Why: python:3.11-slim-bookworm has apt 2.6, which has no dist-clean: the build stops there.
# Fails: No errors
FROM python:3.11-slim-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      gcc libc6-dev libpq-dev \
 && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

FROM python:3.11-slim-bookworm
# libpq for psycopg2, curl for the health check: one layer,
# and the package lists are gone before it is committed
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq5 curl \
 && apt-get dist-clean
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH

WORKDIR /app
COPY app/ ./app/
RUN useradd --system --uid 10001 app
USER app
EXPOSE 8000
HEALTHCHECK CMD ["curl", "-fsS", "http://localhost:8000/health"]
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
