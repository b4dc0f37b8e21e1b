# pattern: the distroless examples' layout on a current gcr.io/distroless/python3-debian13 image: the app copied to /app, WORKDIR /app, CMD names the file the image's interpreter entrypoint runs; the interpreter is in the image (no runtime-missing error), and the base figure says it is unsure
# source: GoogleContainerTools/distroless examples/python3/Dockerfile @16e75585e7976d57c743ff087fe092ea9899220d
# expect-not: runtime-missing
# context: hello.py=4000
FROM gcr.io/distroless/python3-debian13
COPY hello.py /app/hello.py
WORKDIR /app
CMD ["hello.py"]
