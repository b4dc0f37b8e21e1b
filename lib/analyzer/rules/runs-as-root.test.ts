import { runsAsRoot } from './runs-as-root';
import { df, ruleTests } from './test-helpers';

ruleTests(runsAsRoot, {
  valid: {
    'USER set to a named user': df`
      FROM python:3.12-slim
      RUN useradd -r app
      USER app
    `,
    'USER by uid:gid': df`
      FROM python:3.12-slim
      USER 10001:10001
    `,
    'distroless :nonroot runs as uid 65532': df`
      FROM gcr.io/distroless/static-debian12:nonroot
      COPY app /app
    `,
    'root only in the build stage': df`
      FROM golang:1.26 AS build
      USER root
      FROM gcr.io/distroless/static-debian12:nonroot
    `,
    'USER in the stage the final one is FROM': df`
      FROM node:22-slim AS base
      USER node
      FROM base
      CMD ["node"]
    `,
  },
  invalid: {
    'no USER: the base image default is root': {
      dockerfile: df`
        FROM python:3.12-slim
        CMD ["python"]
      `,
      lines: [1],
    },
    'switches back to root at the end': {
      dockerfile: df`
        FROM node:22-slim
        USER node
        RUN echo hi
        USER root
      `,
      lines: [4],
    },
    'distroless without :nonroot runs as root': {
      dockerfile: df`
        FROM gcr.io/distroless/python3-debian12
        CMD ["app.py"]
      `,
      lines: [1],
    },
  },
});
