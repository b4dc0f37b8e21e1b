# Alternative: cache mounts for apk and pip, pip in a --virtual group
FROM alpine:3.22
WORKDIR /app
COPY requirements.txt .
RUN --mount=type=cache,target=/var/cache/apk \
    --mount=type=cache,target=/root/.cache/pip \
    apk add python3 \
 && apk add --virtual .build py3-pip \
 && pip install --target /deps -r requirements.txt \
 && apk del .build
ENV PYTHONPATH=/deps
COPY app/ ./app/
USER nobody
CMD ["python3", "-m", "gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
