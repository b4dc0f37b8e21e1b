# pattern: official rust slim image on trixie: gcc and libc6-dev kept for the linker, rustup-init downloaded and run (--profile minimal), wget purged; an independent check of the toolchain figure derived from the bookworm image
# source: rust-lang/docker-rust stable/trixie/slim/Dockerfile (same template as stable/bookworm/slim @8a72e7f348bef075b16a84a84c9bb92b4dd5622b)
# truth: 921.07 MB docker-library/repo-info repos/rust/local/1-slim-trixie.md @6a78596aab (rust:1-slim-trixie, RUST_VERSION 1.97.0)
# expect-not: apt-lists-not-removed cleanup-in-later-layer single-stage-build
FROM debian:trixie-slim
ENV RUSTUP_HOME=/usr/local/rustup \
    CARGO_HOME=/usr/local/cargo \
    PATH=/usr/local/cargo/bin:$PATH \
    RUST_VERSION=1.97.0
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends ca-certificates gcc libc6-dev wget; \
    url="https://static.rust-lang.org/rustup/archive/1.28.2/x86_64-unknown-linux-gnu/rustup-init"; \
    wget "$url"; \
    chmod +x rustup-init; \
    ./rustup-init -y --no-modify-path --profile minimal --default-toolchain $RUST_VERSION --default-host x86_64-unknown-linux-gnu; \
    rm rustup-init; \
    chmod -R a+w $RUSTUP_HOME $CARGO_HOME; \
    rustup --version; cargo --version; rustc --version; \
    apt-get remove -y --auto-remove wget; \
    rm -rf /var/lib/apt/lists/*
