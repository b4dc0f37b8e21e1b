# Broken: an Alpine base
# Why: Alpine has no musllinux wheel for some requirements: pip compiles (and needs gcc).
# Fails: Every package installs from a wheel
FROM python:3.11-alpine

WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app/ ./app/
COPY models/ ./models/

RUN useradd --system --uid 10001 app
USER app
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
