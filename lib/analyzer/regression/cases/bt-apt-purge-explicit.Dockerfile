# pattern: gcc installed, used and removed with apt-get purge + autoremove in the same RUN
# source: nginx/docker-nginx mainline/debian/Dockerfile @e4d5453581d9d3618f77c4aeccf2e6171a1cd6ff
# expect-not: build-tools-in-final apt-lists-not-removed
# context: tool.c=900
FROM debian:bookworm-slim
COPY tool.c /tmp/tool.c
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libc6-dev \
    && gcc -O2 -o /usr/local/bin/tool /tmp/tool.c \
    && apt-get purge -y gcc libc6-dev \
    && apt-get autoremove -y \
    && rm -rf /var/lib/apt/lists/* /tmp/tool.c
CMD ["tool"]
