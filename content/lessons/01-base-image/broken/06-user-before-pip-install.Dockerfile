# Broken: USER before pip install
# Why: as app, pip cannot write the system site-packages and installs into /home/app/.local (and fails, since useradd --system made no home): gunicorn is not on PATH.
# Fails: The app can still start
FROM python:3.11-slim-bookworm
RUN useradd --system --uid 10001 app
USER app
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app/ ./app/
COPY models/ ./models/
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
