# pattern: chown -R of a freshly created, empty data folder after a COPY elsewhere
# source: docker-library/redis versions.json @17868f4f75e3ab80c4047c5d5e2ef3be322b9b84
# expect-not: chown-duplicates-layer
# context: app/run=5000000
FROM debian:bookworm-slim
COPY app /opt/app
RUN mkdir -p /var/lib/app && chown -R nobody:nogroup /var/lib/app
USER nobody
CMD ["/opt/app/run"]
