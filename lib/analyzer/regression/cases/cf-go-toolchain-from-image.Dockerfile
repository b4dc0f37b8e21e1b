# pattern: a CI image on Debian that takes the Go toolchain from the official golang image (COPY --from=golang:<version> /usr/local/go) and puts it on PATH
# source: docker-library/golang 1.26/bookworm/Dockerfile @7c8c182bfc19ee3169d0596ae63917d2c7166f94 (the image that installs /usr/local/go; copying it out into another base is common in public Dockerfiles)
# expect-not: runtime-missing build-tools-in-final
FROM debian:bookworm-slim
COPY --from=golang:1.24 /usr/local/go /usr/local/go
ENV PATH=/usr/local/go/bin:$PATH
RUN go version
CMD ["go", "version"]
