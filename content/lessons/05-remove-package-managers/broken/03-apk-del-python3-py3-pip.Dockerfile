# Broken: apk del python3 py3-pip
# Why: Deleting python3 with the pip group leaves gunicorn's shebang pointing at nothing.
# Fails: The app can still start
FROM alpine:3.22
WORKDIR /app
COPY requirements.txt .
# pip arrives and leaves inside one RUN, and no cache stays behind. --target gives pip a
# folder of its own, so it installs every dependency there, packaging included (py3-pip
# brings a copy of packaging that apk del takes away again).
RUN apk add --no-cache python3 \
 && apk add --no-cache --virtual .pip py3-pip \
 && pip install --no-cache-dir --target /deps \
      -r requirements.txt \
 && apk del .pip python3
ENV PYTHONPATH=/deps
COPY app/ ./app/
USER nobody
EXPOSE 8000
CMD ["python3", "-m", "gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
