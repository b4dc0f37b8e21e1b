import { largeBaseImage } from './large-base-image';
import { df, ruleTests } from './test-helpers';

ruleTests(largeBaseImage, {
  valid: {
    'already the slim variant': df`
      FROM python:3.12-slim
      CMD ["python"]
    `,
    'the large image is only a build stage': df`
      FROM python:3.12 AS build
      RUN pip install --no-cache-dir --prefix=/install flask
      FROM python:3.12-slim
      COPY --from=build /install /usr/local
    `,
    'Alpine is smaller but not a drop-in (musl), so slim is not flagged': df`
      FROM node:22-slim
      CMD ["node"]
    `,
    'no measured smaller variant (ubuntu)': df`
      FROM ubuntu:22.04
    `,
    'distroless is already small': df`
      FROM gcr.io/distroless/python3-debian12:nonroot
    `,
  },
  invalid: {
    'a tag naming its Debian release keeps it (python:3.11-bookworm → -slim-bookworm, not trixie)':
      {
        dockerfile: df`
        FROM python:3.11-bookworm
        CMD ["python"]
      `,
        lines: [1],
        message: /python:3\.11-slim-bookworm is/,
        fixed: df`
        FROM python:3.11-slim-bookworm
        CMD ["python"]
      `,
      },
    'python:3.12 when python:3.12-slim runs the same Python': {
      dockerfile: df`
        FROM python:3.12
        CMD ["python"]
      `,
      lines: [1],
      message: /python:3\.12-slim is 119 MB/,
      savedBytes: [800e6, 950e6],
      fixed: df`
        FROM python:3.12-slim
        CMD ["python"]
      `,
    },
    'node:20 keeps its name style: node:20-slim': {
      dockerfile: df`
        FROM node:20 AS app
        CMD ["node"]
      `,
      lines: [1],
      fixed: df`
        FROM node:20-slim AS app
        CMD ["node"]
      `,
    },
    'debian:bookworm has a -slim variant': {
      dockerfile: df`
        FROM debian:bookworm
      `,
      lines: [1],
      savedBytes: [30e6, 50e6],
      fixed: df`
        FROM debian:bookworm-slim
      `,
    },
    'the shipped stage inherits a large base through another stage': {
      dockerfile: df`
        FROM python:3.11 AS base
        RUN echo base
        FROM base
        CMD ["python"]
      `,
      lines: [1],
      fixed: df`
        FROM python:3.11-slim AS base
        RUN echo base
        FROM base
        CMD ["python"]
      `,
    },
  },
});
