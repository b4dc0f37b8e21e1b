# pattern: rust slim keeps gcc and libc6-dev on purpose (the linker cargo needs)
# source: rust-lang/docker-rust stable/bookworm/slim/Dockerfile @8a72e7f348bef075b16a84a84c9bb92b4dd5622b
# expect: build-tools-in-final
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates gcc libc6-dev && rm -rf /var/lib/apt/lists/*
CMD ["bash"]
