# pattern: redis creates /data and chowns it (no -R, empty folder)
# source: docker-library/redis versions.json @17868f4f75e3ab80c4047c5d5e2ef3be322b9b84 (the Debian template)
# expect-not: chown-duplicates-layer
FROM debian:bookworm-slim
RUN groupadd -r -g 999 redis && useradd -r -g redis -u 999 redis
RUN mkdir /data && chown redis:redis /data
VOLUME /data
WORKDIR /data
CMD ["bash"]
