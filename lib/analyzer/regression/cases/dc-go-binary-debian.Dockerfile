# pattern: go binary built in a builder and run from debian slim: static distroless would do
# source: GoogleCloudPlatform/microservices-demo docker/checkoutservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect: distroless-candidate
# context: go.mod=300 main.go=6000
FROM golang:1.26-alpine AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /checkoutservice .
FROM debian:bookworm-slim
COPY --from=builder /checkoutservice /checkoutservice
ENTRYPOINT ["/checkoutservice"]
