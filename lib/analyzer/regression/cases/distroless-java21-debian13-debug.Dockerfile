# pattern: the distroless examples' layout on a current gcr.io/distroless/java21-debian13:debug image: the app copied to /app, WORKDIR /app, CMD names the file the image's interpreter entrypoint runs; the interpreter is in the image (no runtime-missing error), and the base figure says it is unsure
# source: GoogleContainerTools/distroless examples/java/Dockerfile @09b7acc1bf55fef5171f3f090ce4ab345b28a550
# expect-not: runtime-missing
# context: main.jar=4000
FROM gcr.io/distroless/java21-debian13:debug
COPY main.jar /app/main.jar
WORKDIR /app
CMD ["main.jar"]
