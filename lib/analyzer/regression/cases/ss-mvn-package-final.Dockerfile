# pattern: learner attempt: mvn package in the maven image that ships
# source: GoogleCloudPlatform/microservices-demo docker/adservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect: single-stage-build
# context: pom.xml=2500 src/main/java/App.java=1200
FROM maven:3.9-eclipse-temurin-21
WORKDIR /app
COPY pom.xml .
COPY src ./src
RUN mvn -q package -DskipTests
CMD ["java", "-jar", "target/app.jar"]
