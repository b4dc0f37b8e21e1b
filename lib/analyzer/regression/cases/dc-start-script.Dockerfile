# pattern: image starts a shell script: distroless cannot run it
# source: GoogleCloudPlatform/microservices-demo docker/adservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: distroless-candidate
# context: start.sh=400 app.jar=2000000
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY start.sh app.jar ./
ENTRYPOINT ["./start.sh"]
