# pattern: archive removed in the same RUN that unpacks it (ADD of a URL avoided)
# source: nodejs/docker-node 22/bookworm-slim/Dockerfile @07bd7414c9eeb7a134951122e1105e8c849f770e
# expect-not: cleanup-in-later-layer apt-lists-not-removed
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/* \
    && curl -fsSLO https://example.com/tool.tar.gz && tar -xzf tool.tar.gz -C /opt && rm tool.tar.gz
CMD ["bash"]
