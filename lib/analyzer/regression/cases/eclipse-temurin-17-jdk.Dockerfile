# pattern: Eclipse Temurin image: locale and fontconfig from apt, then the Temurin jdk release archive unpacked into /opt/java/openjdk
# source: adoptium/containers 17/jdk/ubuntu/resolute/Dockerfile (layout as published on Docker Hub)
# truth: 447.88 MB docker-library/repo-info repos/eclipse-temurin/local/17-jdk.md @6cffddb0b9 (eclipse-temurin:17.0.20_8-jdk-resolute)
# expect-not: apt-lists-not-removed single-stage-build
FROM ubuntu:26.04
ENV JAVA_HOME=/opt/java/openjdk
ENV PATH=$JAVA_HOME/bin:$PATH
ENV LANG=en_US.UTF-8 LANGUAGE=en_US:en LC_ALL=en_US.UTF-8
RUN set -eux; \
    apt-get update; \
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends tzdata curl wget ca-certificates fontconfig locales binutils; \
    echo "en_US.UTF-8 UTF-8" >> /etc/locale.gen; \
    locale-gen en_US.UTF-8; \
    rm -rf /var/lib/apt/lists/*
ENV JAVA_VERSION=jdk-17.0.20+8
RUN set -eux; \
    BINARY_URL='https://github.com/adoptium/temurin17-binaries/releases/download/jdk-17.0.20%2B8/OpenJDK17U-jdk_x64_linux_hotspot_17.0.20_8.tar.gz'; \
    wget --progress=dot:giga -O /tmp/openjdk.tar.gz ${BINARY_URL}; \
    mkdir -p "$JAVA_HOME"; \
    tar --extract --file /tmp/openjdk.tar.gz --directory "$JAVA_HOME" --strip-components 1 --no-same-owner; \
    rm -f /tmp/openjdk.tar.gz; \
    find "$JAVA_HOME/lib" -name '*.so' -exec dirname '{}' ';' | sort -u > /etc/ld.so.conf.d/docker-openjdk.conf; \
    ldconfig; \
    java -Xshare:dump; \
    java --version
