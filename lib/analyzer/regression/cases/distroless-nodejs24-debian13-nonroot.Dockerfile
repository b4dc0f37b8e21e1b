# pattern: the distroless examples' layout on a current gcr.io/distroless/nodejs24-debian13:nonroot image: the app copied to /app, WORKDIR /app, CMD names the file the image's interpreter entrypoint runs; the interpreter is in the image (no runtime-missing error), and the base figure says it is unsure
# source: GoogleContainerTools/distroless examples/nodejs/Dockerfile @03399aec46700ad68b8878d507058a336a410466
# expect-not: runtime-missing
# context: hello.js=4000
FROM gcr.io/distroless/nodejs24-debian13:nonroot
COPY hello.js /app/hello.js
WORKDIR /app
CMD ["hello.js"]
