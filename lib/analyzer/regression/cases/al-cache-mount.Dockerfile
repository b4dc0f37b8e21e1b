# pattern: BuildKit cache mounts on /var/lib/apt/lists and /var/cache/apt
# source: docker-library/python 3.12/slim-bookworm/Dockerfile @01ba658cff9cf56c72e55c85cea9705826cc19f1
# expect-not: apt-lists-not-removed
# syntax=docker/dockerfile:1
FROM debian:bookworm-slim
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \
    apt-get update && apt-get install -y --no-install-recommends curl
CMD ["bash"]
