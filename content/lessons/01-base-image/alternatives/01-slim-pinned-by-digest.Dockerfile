# Alternative: slim pinned by digest
FROM python:3.11-slim-bookworm@sha256:3f1c3f1c3f1c3f1c3f1c3f1c3f1c3f1c3f1c3f1c3f1c3f1c3f1c3f1c3f1c3f1c
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app/ ./app/
COPY models/ ./models/
RUN useradd --system --uid 10001 app
USER app
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
