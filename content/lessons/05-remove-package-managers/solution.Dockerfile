FROM alpine:3.22
WORKDIR /app
COPY requirements.txt .
# pip arrives and leaves inside one RUN, and no cache stays behind
RUN apk add --no-cache python3 \
 && apk add --no-cache --virtual .pip py3-pip \
 && pip install --no-cache-dir --break-system-packages \
      -r requirements.txt \
 && apk del .pip
COPY app/ ./app/
USER nobody
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
