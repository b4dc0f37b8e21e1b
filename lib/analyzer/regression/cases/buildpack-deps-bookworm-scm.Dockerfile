# pattern: official buildpack-deps scm image: Debian with curl/gnupg/wget (the curl variant) and then git, mercurial, subversion and openssh-client, apt only
# source: docker-library/buildpack-deps debian/bookworm/scm/Dockerfile @bfa3f8f8887d442f5226b112722734b909852d89 (FROM the curl variant, debian/bookworm/curl/Dockerfile @84e7e46026131a108a6480e5ed2969e8acf2d4e2, written out here as its two RUNs)
# truth: 342.2 MB docker-library/repo-info repos/buildpack-deps/local/bookworm-scm.md @98191c0331 (buildpack-deps:bookworm-scm, created 2026-08-25)
# expect-not: apt-lists-not-removed apt-get-missing-yes build-tools-in-final
FROM debian:bookworm
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends ca-certificates curl gnupg netbase sq wget; \
    rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install -y --no-install-recommends \
        git git-lfs mercurial openssh-client subversion procps \
    && rm -rf /var/lib/apt/lists/*
CMD ["bash"]
