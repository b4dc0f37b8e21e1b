# pattern: final stage FROM --platform=$TARGETPLATFORM (the platform being built)
# source: GoogleCloudPlatform/microservices-demo docker/frontend.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: platform-mismatch-final
FROM --platform=$TARGETPLATFORM alpine:3.22
CMD ["sh"]
