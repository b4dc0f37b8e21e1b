# pattern: Java server on Red Hat UBI: a full ubi9 stage with dnf assembles a root file system (JRE and the release archive ADDed from a URL) that is copied whole onto ubi9-micro, which has no package manager; runs as a numeric user
# source: keycloak/keycloak quarkus/container/Dockerfile @0463815bc93acbe22cf0b347af7cbd11e5a56d65
# expect-not: runs-as-root runtime-missing single-stage-build apt-lists-not-removed command-not-found
# context: ubi-null.sh=1800
FROM registry.access.redhat.com/ubi9 AS ubi-micro-build
ENV KEYCLOAK_VERSION=26.4.0
RUN dnf install -y tar gzip
ADD https://github.com/keycloak/keycloak/releases/download/26.4.0/keycloak-26.4.0.tar.gz /tmp/keycloak/
RUN (cd /tmp/keycloak && tar -xvf /tmp/keycloak/keycloak-*.tar.gz && rm /tmp/keycloak/keycloak-*.tar.gz) || true
RUN mv /tmp/keycloak/keycloak-* /opt/keycloak && mkdir -p /opt/keycloak/data
ADD ubi-null.sh /tmp/
RUN bash /tmp/ubi-null.sh java-21-openjdk-headless glibc-langpack-en
FROM registry.access.redhat.com/ubi9-micro
ENV LANG=en_US.UTF-8
COPY --from=ubi-micro-build /tmp/null/rootfs/ /
COPY --from=ubi-micro-build --chown=1000:0 /opt/keycloak /opt/keycloak
USER 1000
EXPOSE 8080 8443
ENTRYPOINT ["/opt/keycloak/bin/kc.sh"]
