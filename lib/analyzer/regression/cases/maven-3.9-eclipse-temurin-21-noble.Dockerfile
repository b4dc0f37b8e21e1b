# pattern: maven image on a JDK base: git and ssh from apt, the maven directory and entrypoint copied from an upstream maven image, then one mvn run that writes the toolchains file (and fetches its plugin into ~/.m2)
# source: carlossg/docker-maven eclipse-temurin-21-noble/Dockerfile @09a3b19050f95a373388d39eb01ca6cde2d19877
# truth: 538.99 MB docker-library/repo-info repos/maven/local/3.9-eclipse-temurin-21.md @0b1c13f74f (maven:3.9.16-eclipse-temurin-21-noble)
# expect-not: apt-lists-not-removed apt-get-missing-yes
FROM maven:3.9-eclipse-temurin-17-noble AS maven_upstream

FROM eclipse-temurin:21-jdk-noble
RUN apt-get update \
  && apt-get install -y ca-certificates curl git openssh-client --no-install-recommends \
  && rm -rf /var/lib/apt/lists/*
ENV MAVEN_HOME=/usr/share/maven
COPY --from=maven_upstream ${MAVEN_HOME} ${MAVEN_HOME}
COPY --from=maven_upstream /usr/local/bin/mvn-entrypoint.sh /usr/local/bin/mvn-entrypoint.sh
RUN ln -s ${MAVEN_HOME}/bin/mvn /usr/bin/mvn
ARG USER_HOME_DIR="/root"
ENV MAVEN_CONFIG="$USER_HOME_DIR/.m2"
RUN mvn org.apache.maven.plugins:maven-toolchains-plugin:3.2.0:generate-jdk-toolchains-xml \
  && mv "$MAVEN_CONFIG/discovered-jdk-toolchains-cache.xml" "$MAVEN_CONFIG/toolchains.xml"
ENTRYPOINT ["/usr/local/bin/mvn-entrypoint.sh"]
CMD ["mvn"]
