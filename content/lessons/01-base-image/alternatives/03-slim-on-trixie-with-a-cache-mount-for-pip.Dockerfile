# Alternative: slim on trixie with a cache mount for pip
FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN --mount=type=cache,target=/root/.cache/pip \
    pip install -r requirements.txt
COPY app/ ./app/
COPY models/ ./models/
USER 10001
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
