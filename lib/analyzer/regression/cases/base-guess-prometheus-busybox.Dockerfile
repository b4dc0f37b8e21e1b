# pattern: a Prometheus exporter on Prometheus' own busybox image (quay.io/prometheus/busybox-<os>-<arch>:glibc), a third-party image whose last path segment names the busybox family: it is guessed as busybox (a few MB, low confidence, with a range), not as Debian
# source: prometheus/node_exporter Dockerfile @0c561fa1c9f10840f093cb193d04b6f988bc66fe
# expect-not: runtime-missing command-not-found distroless-candidate
# context: .build/linux-amd64/node_exporter=22000000 LICENSE=11357 README.md=16000
ARG ARCH="amd64"
ARG OS="linux"
FROM quay.io/prometheus/busybox-${OS}-${ARCH}:glibc
LABEL maintainer="The Prometheus Authors <prometheus-developers@googlegroups.com>"

ARG ARCH="amd64"
ARG OS="linux"
COPY .build/${OS}-${ARCH}/node_exporter /bin/node_exporter

COPY LICENSE README.md /license/

EXPOSE      9100
USER        nobody
ENTRYPOINT  [ "/bin/node_exporter" ]
