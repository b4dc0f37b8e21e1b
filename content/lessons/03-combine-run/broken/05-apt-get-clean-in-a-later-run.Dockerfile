# Broken: apt-get clean in a later RUN
# Why: The HEALTHCHECK and gunicorn still run, but nothing here is smaller: apt-get clean in a later layer hides the archives and ships them anyway.
# Fails: apt lists deleted where they appear
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
 && apt-get install -y --no-install-recommends libpq5 curl
RUN apt-get clean && rm -rf /var/lib/apt/lists/*
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH

WORKDIR /app
COPY app/ ./app/
RUN useradd --system --uid 10001 app
USER app
EXPOSE 8000
HEALTHCHECK CMD ["curl", "-fsS", "http://localhost:8000/health"]
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
