import { pipExternallyManaged } from './pip-externally-managed';
import { df, ruleTests } from './test-helpers';

ruleTests(pipExternallyManaged, {
  valid: {
    '--break-system-packages on Alpine': df`
      FROM alpine:3.22
      RUN apk add --no-cache python3 py3-pip && pip install --break-system-packages flask
    `,
    'a venv on PATH': df`
      FROM alpine:3.22
      RUN apk add --no-cache python3 && python3 -m venv /opt/venv
      ENV PATH=/opt/venv/bin:$PATH
      RUN pip install flask
    `,
    '--target skips the check': df`
      FROM alpine:3.22
      RUN apk add --no-cache python3 py3-pip && pip install --target /deps flask
    `,
    'PIP_BREAK_SYSTEM_PACKAGES=1 in the environment': df`
      FROM debian:bookworm-slim
      ENV PIP_BREAK_SYSTEM_PACKAGES=1
      RUN apt-get update && apt-get install -y --no-install-recommends python3-pip && pip3 install flask && rm -rf /var/lib/apt/lists/*
    `,
    'the official python image builds its own Python in /usr/local': df`
      FROM python:3.12-alpine
      RUN pip install flask
    `,
    'Ubuntu 20.04 predates PEP 668': df`
      FROM ubuntu:20.04
      RUN apt-get update && apt-get install -y --no-install-recommends python3-pip && pip3 install flask && rm -rf /var/lib/apt/lists/*
    `,
  },
  invalid: {
    'Alpine 3.22 python3 without --break-system-packages': {
      dockerfile: df`
        FROM alpine:3.22
        RUN apk add --no-cache python3 py3-pip && pip install --no-cache-dir flask
      `,
      lines: [2],
      message: /externally-managed-environment/,
      fixed: df`
        FROM alpine:3.22
        RUN apk add --no-cache python3 py3-pip && pip install --break-system-packages --no-cache-dir flask
      `,
    },
    'Debian 12 python3-pip, --user does not get around it': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y --no-install-recommends python3-pip && pip3 install --user flask && rm -rf /var/lib/apt/lists/*
      `,
      lines: [2],
      fixed: df`
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y --no-install-recommends python3-pip && pip3 install --break-system-packages --user flask && rm -rf /var/lib/apt/lists/*
      `,
    },
  },
});
