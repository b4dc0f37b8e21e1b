import { healthcheckProgramMissing } from './healthcheck-program-missing';
import { df, ruleTests } from './test-helpers';

ruleTests(healthcheckProgramMissing, {
  valid: {
    'curl installed in the final stage': df`
      FROM python:3.11-slim-bookworm
      RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
      HEALTHCHECK CMD ["curl", "-fsS", "http://localhost:8000/health"]
      CMD ["python", "-m", "http.server"]
    `,
    'a program the base image has (python3)': df`
      FROM python:3.11-slim-bookworm
      HEALTHCHECK CMD ["python3", "-c", "import urllib.request as u; u.urlopen('http://localhost:8000/')"]
      CMD ["python", "-m", "http.server"]
    `,
    'wget in Alpine (busybox provides it)': df`
      FROM alpine:3.22
      HEALTHCHECK CMD wget -qO- http://localhost:8080/ || exit 1
      CMD ["sleep", "infinity"]
    `,
    'a shell form that starts with a builtin': df`
      FROM debian:bookworm-slim
      HEALTHCHECK CMD test -f /tmp/ready || exit 1
      CMD ["sleep", "infinity"]
    `,
    'curl copied from another image (not followed)': df`
      FROM debian:bookworm-slim
      COPY --from=curlimages/curl:8.11.1 /usr/bin/curl /usr/local/bin/curl
      HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]
      CMD ["sleep", "infinity"]
    `,
    'HEALTHCHECK NONE': df`
      FROM debian:bookworm-slim
      HEALTHCHECK NONE
      CMD ["sleep", "infinity"]
    `,
    'the health check belongs to a stage that does not ship': df`
      FROM debian:bookworm-slim AS tools
      HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]
      FROM debian:bookworm-slim
      CMD ["sleep", "infinity"]
    `,
  },
  invalid: {
    'curl on a slim image that never installed it': {
      dockerfile: df`
        FROM python:3.11-slim-bookworm
        RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*
        HEALTHCHECK CMD ["curl", "-fsS", "http://localhost:8000/health"]
        CMD ["python", "-m", "http.server"]
      `,
      lines: [3],
      message: /runs curl, which the final image does not have/,
    },
    'curl installed in the build stage only': {
      dockerfile: df`
        FROM node:22-bookworm-slim AS build
        RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
        FROM node:22-bookworm-slim
        HEALTHCHECK --interval=30s CMD curl -f http://localhost:3000/ || exit 1
        CMD ["node", "-e", "1"]
      `,
      lines: [4],
    },
    'curl removed again after the install': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y --no-install-recommends curl && apt-get purge -y curl && rm -rf /var/lib/apt/lists/*
        HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]
        CMD ["sleep", "infinity"]
      `,
      lines: [3],
    },
  },
});
