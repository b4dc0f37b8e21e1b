# pattern: the final stage copies --from=builder but the first FROM has no AS builder: "invalid from flag value builder: pull access denied for builder"
# source: mikeizbicki/cmc-csci143 issue #442 (https://github.com/mikeizbicki/cmc-csci143/issues/442), the Dockerfile.prod lines it quotes (the builder stage written here without its name)
# expect-with-index: copy-from-unknown-stage
# expect-not: copy-from-invalid-stage-index
# context: requirements.txt=200 app/__init__.py=500
FROM python:3.11-slim
WORKDIR /usr/src/app
COPY requirements.txt .
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /usr/src/app/wheels -r requirements.txt

FROM python:3.11-slim
RUN apt-get update && apt-get install -y --no-install-recommends netcat-openbsd && rm -rf /var/lib/apt/lists/*
COPY --from=builder /usr/src/app/wheels /wheels
COPY --from=builder /usr/src/app/requirements.txt .
RUN pip install --no-cache /wheels/*
