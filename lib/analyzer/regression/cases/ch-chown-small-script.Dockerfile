# pattern: chmod +x of one small copied script: below the threshold
# source: nginx/docker-nginx mainline/debian/Dockerfile @e4d5453581d9d3618f77c4aeccf2e6171a1cd6ff
# expect-not: chown-duplicates-layer
# context: entrypoint.sh=600
FROM debian:bookworm-slim
COPY entrypoint.sh /usr/local/bin/
RUN chmod +x /usr/local/bin/entrypoint.sh
ENTRYPOINT ["entrypoint.sh"]
