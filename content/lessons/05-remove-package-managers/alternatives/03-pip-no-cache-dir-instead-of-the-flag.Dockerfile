# Alternative: PIP_NO_CACHE_DIR instead of the flag
FROM alpine:3.22
ENV PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY requirements.txt .
RUN apk add --no-cache python3 py3-pip \
 && pip install --target /deps -r requirements.txt \
 && apk del py3-pip
ENV PYTHONPATH=/deps
COPY app/ ./app/
USER nobody
CMD ["python3", "-m", "gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
