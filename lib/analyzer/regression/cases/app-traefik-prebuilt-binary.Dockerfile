# pattern: Go binary built outside Docker (by the release tooling) and copied from dist/$TARGETPLATFORM onto alpine with only certificates and time zones
# source: traefik/traefik Dockerfile @03490d64525c56f0ba0b8ca5fc5d36eeba917356
# expect-not: apk-cache-kept single-stage-build runtime-missing build-tools-in-final
# context: dist/linux/amd64/traefik=190000000 dist/linux/arm64/traefik=180000000
FROM alpine:3.22
RUN apk add --no-cache --no-progress ca-certificates tzdata
ARG TARGETPLATFORM=linux/amd64
COPY ./dist/$TARGETPLATFORM/traefik /
EXPOSE 80
VOLUME ["/tmp"]
ENTRYPOINT ["/traefik"]
