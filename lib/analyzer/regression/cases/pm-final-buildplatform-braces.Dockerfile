# pattern: final stage FROM --platform=${BUILDPLATFORM} after a builder
# source: GoogleCloudPlatform/microservices-demo docker/frontend.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect: platform-mismatch-final
# context: main.go=5000
FROM --platform=${BUILDPLATFORM} golang:1.26-alpine AS builder
WORKDIR /src
COPY . .
RUN go build -o /app .
FROM --platform=${BUILDPLATFORM} alpine:3.22
COPY --from=builder /app /app
ENTRYPOINT ["/app"]
