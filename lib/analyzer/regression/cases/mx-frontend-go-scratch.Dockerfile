# pattern: go service: module download cached, static binary onto scratch with templates copied
# source: GoogleCloudPlatform/microservices-demo docker/frontend.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: single-stage-build distroless-candidate runtime-missing unpinned-base-tag
# context: go.mod=400 go.sum=12000 main.go=8000 templates/home.html=4000 static/styles.css=9000
FROM golang:1.26-alpine AS builder
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG SKAFFOLD_GO_GCFLAGS
RUN CGO_ENABLED=0 GOOS=linux go build -gcflags="${SKAFFOLD_GO_GCFLAGS}" -o /go/bin/frontend .
FROM scratch
WORKDIR /src
COPY --from=builder /go/bin/frontend /src/server
COPY templates ./templates
COPY static ./static
ENV GOTRACEBACK=single
EXPOSE 8080
ENTRYPOINT ["/src/server"]
