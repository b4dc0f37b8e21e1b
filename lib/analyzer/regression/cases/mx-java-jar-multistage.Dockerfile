# pattern: maven build stage, jar copied into a JRE image
# source: GoogleCloudPlatform/microservices-demo docker/adservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: single-stage-build runtime-missing
# context: pom.xml=2500 src/main/java/App.java=1200
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /app
COPY pom.xml .
COPY src ./src
RUN mvn -q package -DskipTests
FROM eclipse-temurin:17-jre
COPY --from=build /app/target/app.jar /app.jar
ENTRYPOINT ["java", "-jar", "/app.jar"]
