# pattern: Eclipse Temurin JRE on ubuntu noble: curl, wget, fontconfig, certificates, tzdata and locales from apt, then the Temurin release archive fetched with wget -O and unpacked into /opt/java/openjdk (its size is not in the file), src.zip deleted, a class-data archive dumped
# source: adoptium/containers 21/jre/ubuntu/noble/Dockerfile @02b2232323f715945c6cf911f1092af8fb2372c5
# truth: 287.54 MB docker-library/repo-info repos/eclipse-temurin/local/21-jre-noble.md @28e979c757 (eclipse-temurin:21-jre-noble)
# expect-not: apt-lists-not-removed single-stage-build apt-get-missing-yes command-not-found
# context: entrypoint.sh=2100
FROM ubuntu:24.04
ENV JAVA_HOME=/opt/java/openjdk
ENV PATH=$JAVA_HOME/bin:$PATH
ENV LANG='en_US.UTF-8' LANGUAGE='en_US:en' LC_ALL='en_US.UTF-8'
RUN set -eux; \
    apt-get update; \
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl wget fontconfig ca-certificates p11-kit tzdata locales; \
    echo "en_US.UTF-8 UTF-8" >> /etc/locale.gen; \
    locale-gen en_US.UTF-8; \
    rm -rf /var/lib/apt/lists/*
ENV JAVA_VERSION=jdk-21.0.4+7
RUN set -eux; \
    BINARY_URL='https://github.com/adoptium/temurin21-binaries/releases/download/jdk-21.0.4%2B7/OpenJDK21U-jre_x64_linux_hotspot_21.0.4_7.tar.gz'; \
    wget --progress=dot:giga -O /tmp/openjdk.tar.gz ${BINARY_URL}; \
    mkdir -p "$JAVA_HOME"; \
    tar --extract --file /tmp/openjdk.tar.gz --directory "$JAVA_HOME" --strip-components 1 --no-same-owner; \
    rm -f /tmp/openjdk.tar.gz ${JAVA_HOME}/lib/src.zip; \
    find "$JAVA_HOME/lib" -name '*.so' -exec dirname '{}' ';' | sort -u > /etc/ld.so.conf.d/docker-openjdk.conf; \
    ldconfig; \
    java -Xshare:dump
RUN set -eux; java --version
COPY --chmod=755 entrypoint.sh /__cacert_entrypoint.sh
ENTRYPOINT ["/__cacert_entrypoint.sh"]
