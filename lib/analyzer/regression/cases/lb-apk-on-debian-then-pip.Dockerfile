# pattern: learner copies an Alpine line onto a Debian-based python image (apk add gcc), then pip: the build stops at apk, so nothing apk or pip would install or cache is reported
# source: learner-style attempt (Alpine instructions pasted onto python:3.12-slim)
# expect: command-not-found
# expect-not: build-tools-in-final apk-cache-kept pip-cache-kept
FROM python:3.12-slim
WORKDIR /app
RUN apk add gcc musl-dev && pip install cffi
CMD ["python", "-c", "import cffi"]
