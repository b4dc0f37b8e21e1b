# pattern: mkdir and chown -R of a fresh, empty folder in the same RUN
# source: docker-library/python 3.12/slim-bookworm/Dockerfile @01ba658cff9cf56c72e55c85cea9705826cc19f1
# expect-not: chown-duplicates-layer
FROM python:3.12-slim
RUN useradd --create-home app && mkdir -p /data && chown -R app:app /data
USER app
CMD ["python"]
