# pattern: look-alike of lb-dist-clean-on-bookworm: on trixie (apt 3.0) dist-clean exists and removes the lists
# source: docker-library/ruby 3.4/trixie/Dockerfile @d55e25ae709885250a4e9718c27a09f1e963ca79
# expect-not: apt-dist-clean-unavailable apt-lists-not-removed
FROM debian:trixie-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && apt-get dist-clean
