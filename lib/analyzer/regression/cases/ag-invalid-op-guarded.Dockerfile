# pattern: look-alikes that must stay silent: a failing apt-get guarded by || true or inside an if, apt-get's hidden operations (full-upgrade, auto-remove, autopurge, indextargets) and options with values (-o, -t)
# source: the || true guard follows keycloak/keycloak quarkus/container/Dockerfile @0463815bc93acbe22cf0b347af7cbd11e5a56d65 (a RUN ending in || true); the operations are from Debian/apt cmdline/apt-get.cc @6b128124271e94bdb0f4e7850d9286170d712b04
# expect-not: apt-get-invalid-operation
FROM debian:bookworm-slim
RUN apt-get updat || true
RUN if [ -f /etc/debian_version ]; then apt-get updat; fi; echo ok
RUN apt-get -o Acquire::Retries=3 update && apt-get -t bookworm full-upgrade -y \
    && apt-get auto-remove -y && apt-get autopurge -y && apt-get indextargets >/dev/null \
    && rm -rf /var/lib/apt/lists/*
