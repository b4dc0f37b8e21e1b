# pattern: distroless names carry their release; :latest only picks the default user
# source: GoogleCloudPlatform/microservices-demo docker/frontend.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: unpinned-base-tag
# context: server=9000000
FROM gcr.io/distroless/static-debian12:latest
COPY server /server
ENTRYPOINT ["/server"]
