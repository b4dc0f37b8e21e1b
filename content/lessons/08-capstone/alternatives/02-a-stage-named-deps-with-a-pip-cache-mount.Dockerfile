# Alternative: a stage named deps with a pip cache mount
FROM python:3.11-slim-bookworm AS deps
COPY requirements.txt .
RUN --mount=type=cache,target=/root/.cache/pip \
    pip install --target /deps -r requirements.txt

FROM gcr.io/distroless/python3-debian12
COPY --from=deps /deps /deps
ENV PYTHONPATH=/deps
WORKDIR /app
COPY app/ ./app/
USER nonroot
CMD ["-m", "gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
