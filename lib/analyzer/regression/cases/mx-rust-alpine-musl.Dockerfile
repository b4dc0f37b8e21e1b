# pattern: rust alpine builder with musl-dev, binary into alpine
# source: rust-lang/docker-rust stable/alpine3.22/Dockerfile @79cfef687dcec437b30967e6d098d5060247b8c5
# expect-not: single-stage-build build-tools-in-final apk-cache-kept
# context: Cargo.toml=300 src/main.rs=2000
FROM rust:1-alpine AS build
RUN apk add --no-cache musl-dev
WORKDIR /src
COPY . .
RUN cargo build --release
FROM alpine:3.22
COPY --from=build /src/target/release/app /usr/local/bin/app
ENTRYPOINT ["app"]
