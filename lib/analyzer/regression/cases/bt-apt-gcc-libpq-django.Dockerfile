# pattern: Django image installs gcc and libpq-dev for psycopg2 and keeps them
# source: GoogleCloudPlatform/microservices-demo docker/emailservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect: build-tools-in-final
# context: requirements.txt=90 manage.py=660 mysite/wsgi.py=400
FROM python:3.12-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libpq-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /code
COPY requirements.txt /code/
RUN pip install --no-cache-dir -r requirements.txt
COPY . /code/
CMD ["gunicorn", "mysite.wsgi:application", "--bind", "0.0.0.0:8000"]
