# Broken: the app folder is not copied
# Why: gunicorn imports app.main from /app, which was never copied.
# Fails: The app’s code is in the image
FROM python:3.11-slim-bookworm

WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY models/ ./models/

RUN useradd --system --uid 10001 app
USER app
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
