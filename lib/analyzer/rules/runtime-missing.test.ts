import { runtimeMissing } from './runtime-missing';
import { df, ruleTests } from './test-helpers';

const app = { 'server.js': 2000, 'app.py': 2000 };

ruleTests(runtimeMissing, {
  valid: {
    'node image runs node server.js it copied': {
      dockerfile: df`
      FROM node:22-slim
      WORKDIR /app
      COPY server.js .
      CMD ["node", "server.js"]
    `,
      files: app,
    },
    'distroless nodejs gets only the script (its ENTRYPOINT is node)': {
      dockerfile: df`
      FROM gcr.io/distroless/nodejs22-debian12:nonroot
      WORKDIR /app
      COPY server.js .
      CMD ["server.js"]
    `,
      files: app,
    },
    'the article distroless python example runs app.py with the base ENTRYPOINT': {
      dockerfile: df`
      FROM gcr.io/distroless/python3
      COPY . /app
      WORKDIR /app
      CMD ["app.py"]
    `,
      files: app,
    },
    'distroless python running a module with -m (lesson 7 solution)': {
      dockerfile: df`
      FROM python:3.11-slim-bookworm AS build
      COPY requirements.txt .
      RUN pip install --no-cache-dir --target /deps -r requirements.txt
      FROM gcr.io/distroless/python3-debian12:nonroot
      COPY --from=build /deps /deps
      ENV PYTHONPATH=/deps
      WORKDIR /app
      COPY app.py ./
      CMD ["-m", "gunicorn", "--bind", "0.0.0.0:8000", "app:app"]
    `,
      files: { ...app, 'requirements.txt': 'gunicorn\n' },
    },
    'python installed by apt in the final image': df`
      FROM ubuntu:22.04
      RUN apt-get update && apt-get install -y --no-install-recommends python3 && rm -rf /var/lib/apt/lists/*
      CMD ["python3", "-c", "print(1)"]
    `,
    'a file made by a build step cannot be checked, so it is not reported': {
      dockerfile: df`
      FROM node:22-slim
      WORKDIR /app
      COPY . .
      RUN npm run build
      CMD ["node", "dist/server.js"]
    `,
      files: { ...app, 'package.json': '{"scripts":{"build":"tsc"}}' },
    },
    'a binary copied from a build stage': df`
      FROM golang:1.26 AS build
      RUN echo built > /out
      FROM gcr.io/distroless/static-debian12:nonroot
      COPY --from=build /out /app
      ENTRYPOINT ["/app"]
    `,
    'no build context described: copied files are unknown': df`
      FROM node:22-slim
      COPY . /app
      CMD ["node", "/app/server.js"]
    `,
  },
  invalid: {
    'shell-form CMD in distroless (no /bin/sh)': {
      dockerfile: df`
        FROM gcr.io/distroless/nodejs22-debian12:nonroot
        COPY server.js /app/
        CMD node /app/server.js
      `,
      files: app,
      lines: [3],
      message: /exec form/,
    },
    'CMD repeats the interpreter the distroless ENTRYPOINT already runs': {
      dockerfile: df`
        FROM gcr.io/distroless/nodejs22-debian12:nonroot
        WORKDIR /app
        COPY server.js .
        CMD ["node", "server.js"]
      `,
      files: app,
      lines: [4],
      message: /CMD \["server\.js"\]/,
    },
    'python on an image without Python': {
      dockerfile: df`
        FROM debian:bookworm-slim
        COPY app.py /app/
        CMD ["python3", "/app/app.py"]
      `,
      files: app,
      lines: [3],
      message: /python3 is not installed/,
    },
    'the script was never copied into the final stage': {
      dockerfile: df`
        FROM node:22-slim AS build
        WORKDIR /app
        COPY . .
        FROM node:22-slim
        WORKDIR /app
        COPY --from=build /app/package.json ./package.json
        CMD ["node", "index.js"]
      `,
      files: { ...app, 'package.json': '{}' },
      lines: [7],
      message: /index\.js is not in the final image/,
    },
    'distroless python: the CMD script was never copied': {
      dockerfile: df`
        FROM gcr.io/distroless/python3-debian12:nonroot
        WORKDIR /app
        COPY app.py .
        CMD ["-u", "main.py"]
      `,
      files: app,
      lines: [4],
      message: /main\.py is not in the final image \(\/app\/main\.py\)/,
    },
    'bash on Alpine without the bash package': {
      dockerfile: df`
        FROM alpine:3.22
        ENTRYPOINT ["bash", "-c", "echo hi"]
      `,
      lines: [2],
    },
  },
});
