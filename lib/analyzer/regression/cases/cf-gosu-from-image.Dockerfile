# pattern: a service image that takes a single static binary (gosu) from a small third-party image instead of downloading and verifying it
# source: tianon/gosu INSTALL.md @0d1847490b448a17eb347e5e357f2c0478df87ad (the COPY --from pattern it documents)
# expect-not: runtime-missing curl-pipe-shell copy-from-unknown-stage copy-from-invalid-stage-index
# context: docker-entrypoint.sh=900
FROM debian:bookworm-slim
COPY --from=tianon/gosu /gosu /usr/local/bin/
RUN gosu nobody true
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["bash"]
