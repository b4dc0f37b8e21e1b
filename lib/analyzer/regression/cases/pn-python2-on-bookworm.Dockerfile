# pattern: old Dockerfile moved to a newer base: apt-get install python (Python 2) on bookworm, where it no longer exists
# source: docker-library/python 3.12/slim-bookworm/Dockerfile @01ba658cff9cf56c72e55c85cea9705826cc19f1
# expect: package-not-in-release
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends python python-pip && rm -rf /var/lib/apt/lists/*
CMD ["python"]
