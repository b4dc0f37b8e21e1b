# pattern: runtime library pinned by an old name: libssl1.1 on python:3.12-slim (trixie)
# source: docker-library/python 3.12/slim-bookworm/Dockerfile @01ba658cff9cf56c72e55c85cea9705826cc19f1
# expect: package-not-in-release
FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends libssl1.1 && rm -rf /var/lib/apt/lists/*
CMD ["python"]
