# pattern: start script produced by gradle installDist (needs sh and a JRE): no static suggestion
# source: GoogleCloudPlatform/microservices-demo docker/adservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: distroless-candidate runtime-missing
# context: gradlew=8000 build.gradle=3000 src/main/java/AdService.java=9000
FROM eclipse-temurin:17-jdk AS builder
WORKDIR /app
COPY . .
RUN ./gradlew installDist
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=builder /app/build/install/hipstershop ./
ENTRYPOINT ["/app/bin/AdService"]
