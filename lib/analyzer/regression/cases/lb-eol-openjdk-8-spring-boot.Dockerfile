# pattern: the Spring Boot Docker guide on openjdk:8-jdk-alpine: a non-root user added with busybox adduser, the exploded jar copied in layers; the base is the deprecated openjdk image on Alpine 3.8
# source: spring-guides/gs-spring-boot-docker complete/Dockerfile @0a2b0f0a1c3bf9b131629d14ca2f3d3b33de1fb1
# expect: eol-base-image
# expect-not: runs-as-root runtime-missing command-not-found
# context: target/dependency/BOOT-INF/lib/spring-boot.jar=1500000 target/dependency/BOOT-INF/lib/spring-core.jar=1800000 target/dependency/META-INF/MANIFEST.MF=500 target/dependency/BOOT-INF/classes/hello/Application.class=900
FROM openjdk:8-jdk-alpine
RUN addgroup -S spring && adduser -S spring -G spring
USER spring:spring
ARG DEPENDENCY=target/dependency
COPY ${DEPENDENCY}/BOOT-INF/lib /app/lib
COPY ${DEPENDENCY}/META-INF /app/META-INF
COPY ${DEPENDENCY}/BOOT-INF/classes /app
ENTRYPOINT ["java","-cp","app:app/lib/*","hello.Application"]
