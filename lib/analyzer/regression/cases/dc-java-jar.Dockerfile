# pattern: fat jar run with java -jar from a JRE image: distroless java would do
# source: GoogleCloudPlatform/microservices-demo docker/adservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect: distroless-candidate
# context: app.jar=25000000
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY app.jar .
CMD ["java", "-jar", "app.jar"]
