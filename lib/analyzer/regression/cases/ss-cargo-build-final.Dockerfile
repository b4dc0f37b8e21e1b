# pattern: learner attempt: cargo build --release in the rust image that ships
# source: rust-lang/docker-rust stable/bookworm/slim/Dockerfile @8a72e7f348bef075b16a84a84c9bb92b4dd5622b
# expect: single-stage-build
# context: Cargo.toml=300 Cargo.lock=20000 src/main.rs=3000
FROM rust:1-slim-bookworm
WORKDIR /usr/src/app
COPY . .
RUN cargo build --release
CMD ["./target/release/app"]
