# pattern: Go web app: builder on golang alpine (apk update && apk upgrade, build-base, node for assets), final alpine with one `apk --no-cache add` per RUN, a later `apk update && apk upgrade` that keeps the index, and the binary copied from the builder
# source: go-gitea/gitea Dockerfile @03173b39ec924c76181370dd3c0dee3e75f6333a
# expect: apk-cache-kept consecutive-run
# expect-not: single-stage-build build-tools-in-final runtime-missing
# context: go.mod=5000 main.go=3000 Makefile=40000 web_src/js/index.js=9000
FROM golang:1.26-alpine3.23 AS build-env
ENV TAGS="bindata sqlite sqlite_unlock_notify"
RUN apk update && apk upgrade
RUN apk --no-cache add build-base git nodejs npm
COPY . /go/src/code.gitea.io/gitea
WORKDIR /go/src/code.gitea.io/gitea
RUN make clean-all build
FROM alpine:3.22
EXPOSE 22 3000
RUN apk --no-cache add bash
RUN apk --no-cache add ca-certificates
RUN apk --no-cache add curl gettext git linux-pam openssh s6 sqlite su-exec tzdata gnupg
RUN apk update && apk upgrade
RUN addgroup -S -g 1000 git && adduser -S -H -D -h /data/git -s /bin/bash -u 1000 -G git git
ENV USER=git
VOLUME ["/data"]
ENTRYPOINT ["/usr/bin/entrypoint"]
CMD ["/bin/s6-svscan", "/etc/s6"]
COPY --from=build-env /go/src/code.gitea.io/gitea/gitea /app/gitea/gitea
RUN ln -s /app/gitea/gitea /usr/local/bin/gitea
