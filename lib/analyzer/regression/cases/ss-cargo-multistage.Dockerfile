# pattern: cargo build in a builder, the binary copied into debian slim
# source: rust-lang/docker-rust stable/bookworm/slim/Dockerfile @8a72e7f348bef075b16a84a84c9bb92b4dd5622b
# expect-not: single-stage-build build-tools-in-final
# context: Cargo.toml=300 Cargo.lock=20000 src/main.rs=3000
FROM rust:1-slim-bookworm AS builder
WORKDIR /usr/src/app
COPY . .
RUN cargo build --release
FROM debian:bookworm-slim
COPY --from=builder /usr/src/app/target/release/app /usr/local/bin/app
CMD ["app"]
