# pattern: official buildpack-deps curl image: Debian plus ca-certificates, curl, gnupg, netbase, sq and wget, apt only
# source: docker-library/buildpack-deps debian/bookworm/curl/Dockerfile @84e7e46026131a108a6480e5ed2969e8acf2d4e2 (the trixie variant differs only in its FROM)
# truth: 180.11 MB docker-library/repo-info repos/buildpack-deps/local/trixie-curl.md @98191c0331 (buildpack-deps:trixie-curl, created 2026-08-25)
# expect-not: apt-lists-not-removed apt-get-missing-yes
FROM debian:trixie
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends ca-certificates curl gnupg netbase sq wget; \
    rm -rf /var/lib/apt/lists/*
CMD ["bash"]
