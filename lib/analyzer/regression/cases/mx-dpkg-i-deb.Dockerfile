# pattern: a .deb fetched and installed with dpkg -i, then removed in the same RUN
# source: docker-library/postgres 17/bookworm/Dockerfile @266748257c85f28eb01a276e84860013ade2eb14
# expect-not: apt-lists-not-removed cleanup-in-later-layer
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates wget \
    && wget -O /tmp/tool.deb https://example.com/tool_1.0_amd64.deb \
    && dpkg -i /tmp/tool.deb && rm /tmp/tool.deb \
    && rm -rf /var/lib/apt/lists/*
CMD ["bash"]
