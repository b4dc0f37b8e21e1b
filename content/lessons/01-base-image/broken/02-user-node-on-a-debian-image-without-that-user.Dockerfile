# Broken: USER node on a Debian image without that user
# Why: debian:bookworm-slim based images have no user called node: docker run fails at once.
# Fails: The app can still start
FROM python:3.11-slim-bookworm

WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app/ ./app/
COPY models/ ./models/

RUN useradd --system --uid 10001 app
USER node
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
