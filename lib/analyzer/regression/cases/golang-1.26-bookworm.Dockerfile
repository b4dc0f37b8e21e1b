# pattern: official golang Debian image: gcc, libc6-dev, make and pkg-config kept on purpose, Go archive copied from a fetch stage
# source: docker-library/golang 1.26/bookworm/Dockerfile @8d54278295f7c0931a9a6e57dbf0bf5087ed1a19
# truth: 833.46 MB docker-library/repo-info repos/golang/local/1.26-bookworm.md @8874cb10ff (golang:1.26.7-bookworm)
# expect-not: apt-lists-not-removed
FROM buildpack-deps:bookworm-scm AS build
ENV PATH=/usr/local/go/bin:$PATH
ENV GOLANG_VERSION=1.26.7
RUN set -eux; \
    url="https://dl.google.com/go/go${GOLANG_VERSION}.linux-amd64.tar.gz"; \
    wget -O go.tgz "$url"; \
    tar -C /usr/local -xzf go.tgz; \
    rm go.tgz; \
    go version
FROM buildpack-deps:bookworm-scm
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends g++ gcc libc6-dev make pkg-config; \
    rm -rf /var/lib/apt/lists/*
ENV GOLANG_VERSION=1.26.7
ENV GOTOOLCHAIN=local
ENV GOPATH=/go
ENV PATH=$GOPATH/bin:/usr/local/go/bin:$PATH
COPY --from=build --link /usr/local/go/ /usr/local/go/
RUN mkdir -p "$GOPATH/src" "$GOPATH/bin" && chmod -R 1777 "$GOPATH"
WORKDIR $GOPATH
