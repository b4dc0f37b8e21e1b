# pattern: gradle installDist in a JDK builder, the install directory (start script + jars) copied into a JRE image
# source: GoogleCloudPlatform/microservices-demo docker/adservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: single-stage-build distroless-candidate runtime-missing
# context: gradlew=8000 build.gradle=3000 settings.gradle=100 gradle/wrapper/gradle-wrapper.jar=43000 src/main/java/AdService.java=9000
FROM eclipse-temurin:17-jdk AS builder
WORKDIR /app
COPY gradlew build.gradle settings.gradle ./
COPY gradle ./gradle
RUN chmod +x gradlew && ./gradlew downloadRepos
COPY . .
RUN ./gradlew installDist
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=builder /app/build/install/hipstershop ./
EXPOSE 9555
ENTRYPOINT ["/app/bin/AdService"]
