# pattern: go build in a builder stage, binary copied onto scratch
# source: GoogleCloudPlatform/microservices-demo docker/frontend.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: single-stage-build build-tools-in-final distroless-candidate unpinned-base-tag
# context: go.mod=300 go.sum=9000 main.go=5000
FROM golang:1.26-alpine AS builder
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=linux go build -o /go/bin/frontend .
FROM scratch
WORKDIR /src
COPY --from=builder /go/bin/frontend /src/server
ENV GOTRACEBACK=single
EXPOSE 8080
ENTRYPOINT ["/src/server"]
