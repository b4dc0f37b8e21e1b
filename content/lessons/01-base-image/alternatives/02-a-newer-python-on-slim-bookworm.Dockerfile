# Alternative: a newer Python on slim bookworm
FROM python:3.13-slim-bookworm
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app/ ./app/
COPY models/ ./models/
RUN useradd --system --uid 10001 app
USER app
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
