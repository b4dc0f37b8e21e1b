# pattern: official golang alpine image: a build stage fetches the Go release archive, the final stage copies /usr/local/go from it
# source: docker-library/golang 1.26/alpine3.23/Dockerfile @0a8424b32f5bbc6cdb2bd80efdf1c363083b5d5c
# truth: 241.35 MB docker-library/repo-info repos/golang/local/1.26-alpine3.23.md @165f4fa1a0 (golang:1.26.6-alpine3.23)
# expect-not: single-stage-build build-tools-in-final apk-cache-kept
FROM alpine:3.23 AS build
ENV PATH=/usr/local/go/bin:$PATH
ENV GOLANG_VERSION=1.26.6
RUN set -eux; \
    apk add --no-cache --virtual .fetch-deps ca-certificates gnupg tar; \
    url="https://dl.google.com/go/go${GOLANG_VERSION}.linux-amd64.tar.gz"; \
    wget -O go.tgz "$url"; \
    tar -C /usr/local -xzf go.tgz; \
    rm go.tgz; \
    apk del --no-network .fetch-deps; \
    go version
FROM alpine:3.23
RUN apk add --no-cache ca-certificates
ENV GOLANG_VERSION=1.26.6
ENV GOTOOLCHAIN=local
ENV GOPATH=/go
ENV PATH=$GOPATH/bin:/usr/local/go/bin:$PATH
COPY --from=build --link /usr/local/go/ /usr/local/go/
RUN mkdir -p "$GOPATH/src" "$GOPATH/bin" && chmod -R 1777 "$GOPATH"
WORKDIR $GOPATH
