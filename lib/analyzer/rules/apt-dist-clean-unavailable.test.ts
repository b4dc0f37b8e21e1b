import { aptDistCleanUnavailable } from './apt-dist-clean-unavailable';
import { df, ruleTests } from './test-helpers';

ruleTests(aptDistCleanUnavailable, {
  valid: {
    'trixie has apt 2.9, which knows dist-clean': df`
      FROM debian:trixie-slim
      RUN apt-get update && apt-get install -y --no-install-recommends curl && apt-get dist-clean
    `,
    'Ubuntu noble has apt 2.7': df`
      FROM ubuntu:24.04
      RUN apt-get update && apt-get install -y --no-install-recommends curl && apt-get dist-clean
    `,
    'rm -rf on bookworm': df`
      FROM debian:bookworm-slim
      RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
    `,
  },
  invalid: {
    'bookworm has apt 2.6: "E: Invalid operation dist-clean"': {
      dockerfile: df`
        FROM python:3.11-slim-bookworm
        RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && apt-get dist-clean
      `,
      lines: [2],
      message: /apt 2\.7/,
      fixed: df`
        FROM python:3.11-slim-bookworm
        RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*
      `,
    },
    'Ubuntu jammy has apt 2.4': {
      dockerfile: df`
        FROM ubuntu:22.04
        RUN apt-get update && apt-get install -y --no-install-recommends curl && apt-get dist-clean
      `,
      lines: [2],
      fixed: df`
        FROM ubuntu:22.04
        RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
      `,
    },
  },
});
