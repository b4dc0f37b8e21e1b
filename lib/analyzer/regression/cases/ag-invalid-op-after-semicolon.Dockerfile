# pattern: the typo'd apt-get updat ends with ; (no set -e): the RUN goes on, so the typo itself does not fail the build; the install after it runs without lists and fails (apt-lists-missing, naming the typo)
# source: written for this analyzer; the ; separated RUN follows docker-library/buildpack-deps debian/bookworm/curl/Dockerfile @84e7e46026131a108a6480e5ed2969e8acf2d4e2 (apt-get update; apt-get install …; rm -rf /var/lib/apt/lists/*)
# expect: apt-lists-missing
# expect-not: apt-get-invalid-operation
FROM debian:bookworm-slim
RUN apt-get updat; apt-get install -y --no-install-recommends ca-certificates curl; rm -rf /var/lib/apt/lists/*
