# pattern: a forked app image grown by hand: numbered COPY --from=0/1 stages, apt-get upgrade, then apt-get update, two installs and pip in separate later RUNs on an end-of-life Debian, the USER line commented out
# source: grafana/grafana Dockerfile @0014fb6402029aa07f258cb103e8f52c705ad4e8 (a fork's version of it)
# expect: apt-lists-not-removed apt-upgrade eol-base-image consecutive-run
# expect-not: single-stage-build runtime-missing
# context: go.mod=3000 go.sum=40000 build.go=9000 pkg/main.go=5000 package.json=8000 yarn.lock=300000 conf/sample.ini=40000 packaging/docker/run.sh=1500
FROM golang:1.26-bookworm
WORKDIR /go/src/github.com/grafana/grafana
COPY go.mod go.sum build.go ./
COPY pkg pkg
RUN go run build.go build
FROM node:22-bookworm
WORKDIR /usr/src/app/
COPY package.json yarn.lock ./
RUN yarn install --pure-lockfile --no-progress
FROM debian:stretch-slim
ENV GF_PATHS_HOME=/usr/share/grafana
WORKDIR $GF_PATHS_HOME
RUN apt-get update && apt-get upgrade -y && apt-get install -qq -y libfontconfig1 ca-certificates && apt-get autoremove -y && rm -rf /var/lib/apt/lists/*
COPY conf ./conf
COPY --from=0 /go/src/github.com/grafana/grafana/bin/linux-amd64/grafana-server ./bin/
COPY --from=1 /usr/src/app/public ./public
COPY ./packaging/docker/run.sh /run.sh
RUN apt-get update -y
RUN apt-get install python-pip -y
RUN apt-get install vim -y
RUN pip install awscli
ENTRYPOINT ["/run.sh"]
