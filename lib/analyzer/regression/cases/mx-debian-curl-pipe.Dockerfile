# pattern: installer piped from curl into sh in the final stage
# source: rust-lang/docker-rust stable/bookworm/slim/Dockerfile @8a72e7f348bef075b16a84a84c9bb92b4dd5622b
# expect: curl-pipe-shell
# expect-not: apt-lists-not-removed
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/* \
    && curl -fsSL https://sh.rustup.rs | sh -s -- -y --profile minimal
CMD ["bash"]
