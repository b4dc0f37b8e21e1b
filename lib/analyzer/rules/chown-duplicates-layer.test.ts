import { chownDuplicatesLayer } from './chown-duplicates-layer';
import { df, ruleTests } from './test-helpers';

const files = { 'app.py': 20000, 'requirements.txt': 'flask\n', 'static/app.css': 80000 };

ruleTests(chownDuplicatesLayer, {
  valid: {
    'chown without -R of a copied folder changes only the folder itself': {
      dockerfile: df`
        FROM node:22-slim
        WORKDIR /app
        COPY . .
        RUN chown node:node /app
      `,
      files: { 'server.js': 4000, 'public/vendor.js': 2_400_000 },
    },
    'sets the owner while copying': {
      dockerfile: df`
        FROM python:3.12-slim
        RUN useradd -m app
        COPY --chown=app:app . /app
        USER app
      `,
      files,
    },
    'chown of an empty directory it just made': df`
      FROM python:3.12-slim
      RUN useradd -m app && mkdir /data && chown app:app /data
    `,
    'chown in a builder stage that is only copied from': {
      dockerfile: df`
        FROM python:3.12-slim AS build
        COPY . /app
        RUN chown -R 1000:1000 /app
        FROM python:3.12-slim
        COPY --from=build /app /app
      `,
      files,
    },
  },
  invalid: {
    'chown -R over copied files in a later RUN (the article single-stage example)': {
      dockerfile: df`
        FROM ubuntu:20.04
        COPY . /app
        WORKDIR /app
        RUN useradd -m appuser && chown -R appuser:appuser /app
        USER appuser
      `,
      files,
      lines: [4],
      savedBytes: [100000, 100010],
    },
    'a lone chown -R with numeric ids moves onto the COPY': {
      dockerfile: df`
        FROM python:3.12-slim
        COPY . /app
        RUN chown -R 1000:1000 /app
        USER 1000
      `,
      files,
      lines: [3],
      fixed: df`
        FROM python:3.12-slim
        COPY --chown=1000:1000 . /app
        USER 1000
      `,
    },
    'a lone chown -R of a user created before the COPY moves onto the COPY': {
      dockerfile: df`
        FROM python:3.12-slim
        RUN useradd -m app
        WORKDIR /app
        COPY . .
        RUN chown -R app:app .
        USER app
      `,
      files,
      lines: [5],
      fixed: df`
        FROM python:3.12-slim
        RUN useradd -m app
        WORKDIR /app
        COPY --chown=app:app . .
        USER app
      `,
    },
    'chmod -R duplicates too (no fix: COPY --chmod needs BuildKit syntax care)': {
      dockerfile: df`
        FROM python:3.12-slim
        COPY . /app
        RUN chmod -R 755 /app
      `,
      files,
      lines: [3],
    },
  },
});
