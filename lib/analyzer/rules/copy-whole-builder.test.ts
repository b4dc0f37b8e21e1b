import { copyWholeBuilder } from './copy-whole-builder';
import { df, ruleTests } from './test-helpers';

const node = {
  'package.json': JSON.stringify({
    name: 'web',
    dependencies: { express: '^4.19.0' },
    devDependencies: { typescript: '^5.4.0' },
  }),
  'package-lock.json': '{}',
  'src/server.ts': 3000,
};

ruleTests(copyWholeBuilder, {
  valid: {
    'copies only the build output': {
      dockerfile: df`
      FROM node:22-slim AS build
      WORKDIR /app
      COPY . .
      RUN npm ci && npm run build
      FROM node:22-slim
      WORKDIR /app
      COPY --from=build /app/dist ./dist
    `,
      files: node,
    },
    'copies a --prefix install folder': df`
      FROM python:3.12-slim AS build
      RUN pip install --no-cache-dir --prefix=/install flask
      FROM python:3.12-slim
      COPY --from=build /install /usr/local
    `,
    'copies a whole workdir that holds only the output': df`
      FROM golang:1.26 AS build
      WORKDIR /out
      RUN echo built > /out/app
      FROM gcr.io/distroless/static-debian12:nonroot
      COPY --from=build /out /out
    `,
  },
  invalid: {
    'copies the builder workdir with sources and dev dependencies': {
      dockerfile: df`
        FROM node:22-slim AS build
        WORKDIR /app
        COPY . .
        RUN npm ci && npm run build
        FROM node:22-slim
        COPY --from=build /app /app
        CMD ["node", "/app/dist/server.js"]
      `,
      files: node,
      lines: [6],
      message: /the sources and node_modules with devDependencies/,
    },
    'copies . (the workdir) from the builder': {
      dockerfile: df`
        FROM node:22-slim AS build
        WORKDIR /app
        COPY . .
        RUN npm ci && npm run build
        FROM node:22-slim
        WORKDIR /app
        COPY --from=build /app/ .
      `,
      files: node,
      lines: [7],
    },
    'copies the builder root file system': {
      dockerfile: df`
        FROM golang:1.26 AS build
        RUN echo built > /app
        FROM debian:bookworm-slim
        COPY --from=build / /
      `,
      lines: [4],
      savedBytes: [500e6, 2e9],
    },
  },
});
