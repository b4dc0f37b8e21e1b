# pattern: cross-compiling builder on $BUILDPLATFORM, final stage without --platform
# source: GoogleCloudPlatform/microservices-demo docker/frontend.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: platform-mismatch-final
# context: main.go=5000 go.mod=200
FROM --platform=$BUILDPLATFORM golang:1.26-alpine AS builder
ARG TARGETOS TARGETARCH
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /go/bin/frontend .
FROM scratch
COPY --from=builder /go/bin/frontend /server
ENTRYPOINT ["/server"]
