# Broken: a slim image of an end-of-life Debian
# Why: python:3.11-slim-buster is small, but Debian 10 (buster) gets no security fixes since 2024: the right base is small and maintained.
# Fails: A base that still gets security fixes
FROM python:3.11-slim-buster
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app/ ./app/
COPY models/ ./models/
RUN useradd --system --uid 10001 app
USER app
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
