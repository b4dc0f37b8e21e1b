# Alternative: pip only in a build stage, packages copied with --target
FROM alpine:3.22 AS deps
RUN apk add --no-cache python3 py3-pip
COPY requirements.txt .
RUN pip install --no-cache-dir --break-system-packages \
      --target /deps -r requirements.txt

FROM alpine:3.22
RUN apk add --no-cache python3
COPY --from=deps /deps /deps
ENV PYTHONPATH=/deps
WORKDIR /app
COPY app/ ./app/
USER nobody
CMD ["python3", "-m", "gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
