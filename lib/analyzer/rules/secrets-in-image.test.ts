import { secretsInImage } from './secrets-in-image';
import { df, ruleTests } from './test-helpers';
import { describe, expect, it } from 'vitest';
import { analyze } from '../index';

const project = {
  'app.py': 2000,
  '.env': 'API_TOKEN=abc\n',
  '.env.example': 'API_TOKEN=\n',
  'certs/ca.pem': 1200,
};

ruleTests(secretsInImage, {
  valid: {
    '.dockerignore keeps .env out': {
      dockerfile: df`
        FROM python:3.12-slim
        COPY . /app
      `,
      dockerignore: '.env\ncerts\n',
      files: project,
    },
    'an example env file and a CA certificate named on purpose': {
      dockerfile: df`
        FROM python:3.12-slim
        COPY .env.example certs/ca.pem /app/
      `,
      files: project,
    },
    'a build secret used only in a builder stage': df`
      FROM node:22-slim AS build
      ARG NPM_TOKEN
      RUN echo building
      FROM node:22-slim
      COPY --from=build /usr/local/bin/node /node
    `,
    'names that point at a secret rather than hold it': df`
      FROM python:3.12-slim
      ENV DB_PASSWORD_FILE=/run/secrets/db PIP_NO_CACHE_DIR=1
    `,
    'a secret mount instead of ARG': df`
      FROM node:22-slim
      RUN --mount=type=secret,id=npm_token echo ok
    `,
  },
  invalid: {
    'COPY . ships .env and a .pem swept in by the broad copy': {
      dockerfile: df`
        FROM python:3.12-slim
        COPY . /app
      `,
      files: project,
      lines: [2],
      message: /\.env \(an environment file.*certs\/ca\.pem/,
    },
    'ENV and ARG with secret names in the shipped stage': {
      dockerfile: df`
        FROM python:3.12-slim
        ARG GITHUB_TOKEN
        ENV AWS_SECRET_ACCESS_KEY=abc123
        ENV DATABASE_PASSWORD=hunter2
      `,
      lines: [2, 3, 4],
    },
    'an SSH key named on purpose': {
      dockerfile: df`
        FROM alpine:3.22
        COPY id_rsa /root/.ssh/id_rsa
      `,
      files: { id_rsa: 1700 },
      lines: [2],
      message: /SSH private key/,
    },
  },
});

describe('secrets-in-image severity', () => {
  it('warns, never errs: an image with a secret in it still builds and starts', () => {
    const report = analyze({
      dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/app.py"]\n',
      context: {
        files: [
          { path: 'app.py', sizeBytes: 2000 },
          { path: '.env', sizeBytes: 14, content: 'API_TOKEN=abc\n' },
        ],
      },
    });
    const found = report.findings.filter((f) => f.rule === 'secrets-in-image');
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('warning');
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
