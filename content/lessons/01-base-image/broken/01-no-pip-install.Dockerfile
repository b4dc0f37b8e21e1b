# Broken: no pip install
# Why: Nothing installs gunicorn, so the CMD names a program the image does not have.
# Fails: The app can still start
FROM python:3.11-slim-bookworm

WORKDIR /app
COPY requirements.txt .
COPY app/ ./app/
COPY models/ ./models/

RUN useradd --system --uid 10001 app
USER app
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
