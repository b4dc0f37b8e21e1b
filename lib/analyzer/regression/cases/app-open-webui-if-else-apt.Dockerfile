# pattern: a build-arg if/else whose two branches install the same compilers (gcc, python3-dev) in the final stage, one branch installing gcc twice: one build-tools-in-final finding, its savings counted once
# source: open-webui/open-webui Dockerfile @00a89829a0f3b7c184ff7df2eca16f4252a07c54
# expect: build-tools-in-final
# expect-not: apt-lists-not-removed cleanup-in-later-layer
# max-savings: 300 MB
FROM python:3.11-slim-bookworm
ARG WITH_MEDIA=false
WORKDIR /srv
RUN if [ "$WITH_MEDIA" = "true" ]; then \
      apt-get update && \
      apt-get install -y --no-install-recommends gcc python3-dev libffi-dev && \
      rm -rf /var/lib/apt/lists/*; \
    else \
      apt-get update && \
      apt-get install -y --no-install-recommends gcc curl jq && \
      apt-get install -y --no-install-recommends gcc python3-dev && \
      rm -rf /var/lib/apt/lists/*; \
    fi
USER nobody
CMD ["python3", "-m", "http.server"]
