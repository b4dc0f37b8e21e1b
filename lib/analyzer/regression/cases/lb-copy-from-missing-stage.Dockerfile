# pattern: learner renames the build stage but not the COPY --from that reads it: --from=builder names no stage (Docker then tries to pull an image called builder)
# source: learner attempt on lesson 02-multi-stage (content/lessons in this repository): AS build, COPY --from=builder
# expect: copy-from-unknown-stage
# expect-not: single-stage-build copy-from-invalid-stage-index
# context: go.mod=200 main.go=3000
FROM golang:1.26-alpine3.23 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .
FROM gcr.io/distroless/static-debian12
COPY --from=builder /out/app /app
ENTRYPOINT ["/app"]
