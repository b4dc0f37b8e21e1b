# pattern: make in the shipped image with the compiler left installed
# source: docker-library/postgres 17/bookworm/Dockerfile @266748257c85f28eb01a276e84860013ade2eb14
# expect: single-stage-build build-tools-in-final
# context: Makefile=400 app.c=3000
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev make && rm -rf /var/lib/apt/lists/*
COPY . /src
RUN make -C /src && make -C /src install
CMD ["app"]
