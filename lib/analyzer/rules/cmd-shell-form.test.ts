import { cmdShellForm } from './cmd-shell-form';
import { df, ruleTests } from './test-helpers';

ruleTests(cmdShellForm, {
  valid: {
    'exec form': df`
      FROM node:22-slim
      CMD ["node", "server.js"]
    `,
    'shell form only in a build stage': df`
      FROM node:22-slim AS build
      CMD node build.js
      FROM node:22-slim
      CMD ["node", "server.js"]
    `,
    'no shell at all: runtime-missing reports it as an error instead': df`
      FROM gcr.io/distroless/nodejs22-debian12:nonroot
      CMD node server.js
    `,
    'no command at all (the base image decides)': df`
      FROM python:3.12-slim
    `,
  },
  invalid: {
    'shell-form CMD with plain words gets the exec form': {
      dockerfile: df`
        FROM node:22-slim
        WORKDIR /app
        CMD node server.js --port=8080
      `,
      lines: [3],
      fixed: df`
        FROM node:22-slim
        WORKDIR /app
        CMD ["node", "server.js", "--port=8080"]
      `,
    },
    'a variable needs the shell: no mechanical fix': {
      dockerfile: df`
        FROM python:3.12-slim
        ENTRYPOINT gunicorn --bind 0.0.0.0:$PORT app:app
      `,
      lines: [2],
    },
  },
});
