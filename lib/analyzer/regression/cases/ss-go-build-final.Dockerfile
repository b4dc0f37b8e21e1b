# pattern: learner attempt: go build in the golang image that ships
# source: GoogleCloudPlatform/microservices-demo docker/frontend.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect: single-stage-build
# context: go.mod=300 go.sum=9000 main.go=5000
FROM golang:1.26-alpine
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /app .
CMD ["/app"]
