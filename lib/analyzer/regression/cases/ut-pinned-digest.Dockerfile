# pattern: base pinned by digest (the microservices-demo style)
# source: GoogleCloudPlatform/microservices-demo docker/frontend.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: unpinned-base-tag single-stage-build
# context: main.go=5000 go.mod=200
FROM golang:1.23.1-alpine@sha256:ac67716dd016429be8d4c2c53a248d7bcdf06d34127d3dc451bda6aa5a87bc06 AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /go/bin/frontend .
FROM scratch
COPY --from=builder /go/bin/frontend /server
ENTRYPOINT ["/server"]
