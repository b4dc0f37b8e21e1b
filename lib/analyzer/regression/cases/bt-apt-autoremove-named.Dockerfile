# pattern: compiler installed, used by pip and removed again in one RUN with `apt-get autoremove --purge <name>` (autoremove given package names)
# source: apache/superset Dockerfile @003941c07e0574e9e2634bded9d1747baf0797a7
# expect-not: build-tools-in-final cleanup-in-later-layer apt-install-recommends
# file: requirements.txt cffi==1.17.1
FROM python:3.12-slim-bookworm
WORKDIR /srv
COPY requirements.txt .
RUN apt-get update -qq \
    && apt-get install -yqq build-essential \
    && pip install --no-cache-dir -r requirements.txt \
    && apt-get autoremove -yqq --purge build-essential \
    && rm -rf /var/lib/apt/lists/*
USER nobody
CMD ["python3", "-m", "http.server"]
