import { commandNotFound } from './command-not-found';
import { df, ruleTests } from './test-helpers';

ruleTests(commandNotFound, {
  valid: {
    'apk add on Alpine': df`
      FROM alpine:3.22
      RUN apk add --no-cache curl
    `,
    'apt-get on Debian': df`
      FROM debian:bookworm-slim
      RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
    `,
    'pip after python3-pip is installed in the same stage': df`
      FROM debian:bookworm-slim
      RUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf /var/lib/apt/lists/*
      RUN pip install --break-system-packages flask
    `,
    'pip in a python image': df`
      FROM python:3.12-slim
      RUN pip install --no-cache-dir flask
    `,
    'pip after Python was copied in from another image (not followed)': df`
      FROM debian:trixie-slim
      COPY --from=python:3.12-slim /usr/local /usr/local
      RUN pip install --no-cache-dir flask
    `,
    'a RUN that checks for the program first': df`
      FROM alpine:3.22
      RUN if command -v apt-get; then apt-get update; else apk add --no-cache curl; fi
    `,
    'an exec-form RUN names its own program (no shell needed)': df`
      FROM gcr.io/distroless/static-debian12
      RUN ["/app", "--self-test"]
    `,
    'a shell copied in from another image first (not followed)': df`
      FROM gcr.io/distroless/static-debian12
      COPY --from=busybox:1.38 /bin/busybox /bin/sh
      RUN echo ok
    `,
    'a base image the tables do not know': df`
      FROM example.com/team/base:1
      RUN apt-get update && apt-get install -y curl
    `,
  },
  invalid: {
    'apt-get on Alpine': {
      dockerfile: df`
        FROM python:3.12-alpine3.23
        RUN apt-get update && apt-get install -y --no-install-recommends curl
      `,
      lines: [2],
      message: /apt-get is not in this Alpine image.*apk add/,
    },
    'apk on Debian': {
      dockerfile: df`
        FROM node:22-bookworm-slim
        RUN apk add --no-cache curl
      `,
      lines: [2],
      message: /apk is not in this Debian image/,
    },
    'a shell-form RUN on distroless, which has no shell': {
      dockerfile: df`
        FROM gcr.io/distroless/python3-debian12
        RUN pip install flask
      `,
      lines: [2],
      message: /has no shell/,
    },
    'pip where nothing installed Python': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN pip install --no-cache-dir flask
      `,
      lines: [2],
      message: /nothing installed Python/,
    },
  },
});
