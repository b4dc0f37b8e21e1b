# pattern: final stage already on distroless
# source: GoogleCloudPlatform/microservices-demo docker/frontend.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: distroless-candidate runs-as-root unpinned-base-tag
# context: go.mod=300 main.go=6000
FROM golang:1.26-alpine AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /server .
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder /server /server
ENTRYPOINT ["/server"]
