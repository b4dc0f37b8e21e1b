# pattern: learner copies `apt-get dist-clean` from a trixie example onto bookworm, whose apt 2.6 has no such operation: the build fails
# source: docker-library/ruby 3.4/trixie/Dockerfile @d55e25ae709885250a4e9718c27a09f1e963ca79 (where apt-get dist-clean is used, on trixie)
# expect: apt-dist-clean-unavailable
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && apt-get dist-clean
