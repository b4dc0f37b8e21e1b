# pattern: learner moves a Go service to distroless static but keeps the HEALTHCHECK that runs curl through a shell; the image has neither
# source: learner attempt on lesson 07-distroless (content/lessons in this repository)
# expect: healthcheck-needs-shell
# context: go.mod=200 main.go=3000
FROM golang:1.26-alpine3.23 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .
FROM gcr.io/distroless/static-debian12
COPY --from=build /out/app /app
HEALTHCHECK CMD curl -f http://localhost:8080/health || exit 1
ENTRYPOINT ["/app"]
