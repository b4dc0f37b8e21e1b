# Broken: lists deleted before the install RUN
# Why: The update RUN deletes its lists, so the install in the next RUN finds no packages: what the old "delete the lists in the same RUN" fix did to the starting Dockerfile.
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
RUN apt-get update && rm -rf /var/lib/apt/lists/*
RUN apt-get install -y --no-install-recommends libpq5 curl
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH

WORKDIR /app
COPY app/ ./app/
RUN useradd --system --uid 10001 app
USER app
EXPOSE 8000
HEALTHCHECK CMD ["curl", "-fsS", "http://localhost:8000/health"]
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
