import { consecutiveRun } from './consecutive-run';
import { df, ruleTests } from './test-helpers';

ruleTests(consecutiveRun, {
  valid: {
    'one RUN per concern, separated by COPY': df`
      FROM python:3.12-slim
      RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
      COPY requirements.txt .
      RUN pip install --no-cache-dir -r requirements.txt
    `,
    'consecutive RUNs only in a builder stage': df`
      FROM golang:1.26 AS build
      RUN go version
      RUN go env
      FROM gcr.io/distroless/static-debian12:nonroot
      COPY --from=build /usr/local/go/VERSION /VERSION
    `,
    'RUNs with their own cache mounts are kept apart on purpose': df`
      FROM python:3.12-slim
      RUN --mount=type=cache,target=/root/.cache/pip pip install flask
      RUN --mount=type=cache,target=/root/.cache/pip pip install gunicorn
    `,
  },
  invalid: {
    'two RUNs in a row in the shipped stage': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN apt-get update
        RUN apt-get install -y curl
      `,
      lines: [3],
      fixed: df`
        FROM debian:bookworm-slim
        RUN apt-get update && \\
            apt-get install -y curl
      `,
    },
    "the article's five RUNs merge into one": {
      dockerfile: df`
        FROM ubuntu:20.04
        RUN apt-get update
        RUN apt-get install -y curl
        RUN apt-get install -y wget
        RUN apt-get clean
        RUN rm -rf /var/lib/apt/lists/*
      `,
      lines: [3, 4, 5, 6],
      fixed: df`
        FROM ubuntu:20.04
        RUN apt-get update && \\
            apt-get install -y curl && \\
            apt-get install -y wget && \\
            apt-get clean && \\
            rm -rf /var/lib/apt/lists/*
      `,
    },
    'a comment between the RUNs blocks the fix (it would be lost)': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN apt-get update
        # install curl
        RUN apt-get install -y curl
      `,
      lines: [4],
    },
  },
});
