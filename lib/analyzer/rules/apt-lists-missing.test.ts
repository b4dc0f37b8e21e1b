import { aptListsMissing } from './apt-lists-missing';
import { df, ruleTests } from './test-helpers';

ruleTests(aptListsMissing, {
  valid: {
    'updates in the same RUN': df`
      FROM debian:bookworm-slim
      RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
    `,
    'updates in an earlier RUN that keeps the lists': df`
      FROM debian:bookworm-slim
      RUN apt-get update
      RUN apt-get install -y --no-install-recommends curl
    `,
    'lists from a parent stage': df`
      FROM debian:bookworm-slim AS lists
      RUN apt-get update
      FROM lists
      RUN apt-get install -y --no-install-recommends curl
    `,
    'a cache mount holds the lists': df`
      FROM debian:bookworm-slim
      RUN --mount=type=cache,target=/var/lib/apt/lists apt-get install -y curl
    `,
    'a script the model does not follow runs first (it may update)': df`
      FROM debian:bookworm-slim
      COPY setup.sh /
      RUN /setup.sh && apt-get install -y curl
    `,
    'an unknown base image may ship lists': df`
      FROM example.org/custom:1
      RUN apt-get install -y curl
    `,
  },
  invalid: {
    'no apt-get update at all (official images ship without lists)': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN apt-get install -y --no-install-recommends curl
      `,
      lines: [2],
      message: /Unable to locate package curl/,
      fixed: df`
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
      `,
    },
    'the lists were deleted by the RUN before (the installs follow later)': {
      dockerfile: df`
        FROM python:3.11-slim-bookworm
        RUN apt-get update && rm -rf /var/lib/apt/lists/*
        RUN apt-get install -y --no-install-recommends libpq5
        RUN apt-get install -y --no-install-recommends curl
      `,
      lines: [3, 4],
      fixed: df`
        FROM python:3.11-slim-bookworm
        RUN apt-get update && rm -rf /var/lib/apt/lists/*
        RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*
        RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
      `,
    },
  },
});
