# Alternative: wheels built in a stage named compile, installed from a bind mount
FROM python:3.11-slim-bookworm AS compile
RUN apt-get update \
 && apt-get install -y --no-install-recommends gcc libc6-dev libpq-dev \
 && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip wheel --no-cache-dir --wheel-dir /wheels -r requirements.txt

FROM python:3.11-slim-bookworm
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq5 \
 && rm -rf /var/lib/apt/lists/*
RUN --mount=type=bind,from=compile,source=/wheels,target=/wheels \
    pip install --no-cache-dir --no-index /wheels/*.whl
WORKDIR /app
COPY app/ ./app/
USER nobody
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
