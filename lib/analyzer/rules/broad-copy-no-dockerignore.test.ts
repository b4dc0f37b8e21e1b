import { broadCopyNoDockerignore } from './broad-copy-no-dockerignore';
import { df, ruleTests } from './test-helpers';

const project = {
  'app.py': 3000,
  'requirements.txt': 'flask\n',
  '.git/objects/pack/p.pack': 4_000_000,
};

ruleTests(broadCopyNoDockerignore, {
  valid: {
    'has a .dockerignore': {
      dockerfile: df`
        FROM python:3.12-slim
        COPY . /app
      `,
      dockerignore: '.git\n',
      files: project,
    },
    'copies named files only': {
      dockerfile: df`
        FROM python:3.12-slim
        COPY requirements.txt app.py /app/
      `,
      files: project,
    },
    'a context of three small files with nothing to leave out': {
      dockerfile: df`
        FROM node:22-slim
        WORKDIR /app
        COPY . .
      `,
      files: { 'package.json': '{"name":"a"}', 'package-lock.json': '{}', 'src/index.ts': 1000 },
    },
    'no build context was described (a pasted Dockerfile)': df`
      FROM python:3.12-slim
      COPY . /app
    `,
  },
  invalid: {
    'COPY . without a .dockerignore': {
      dockerfile: df`
        FROM python:3.12-slim
        WORKDIR /app
        COPY . .
      `,
      files: project,
      lines: [3],
      savedBytes: [4_000_000, 4_000_000],
    },
    'one finding per whole-context COPY, builder stages included': {
      dockerfile: df`
        FROM node:22-slim AS build
        WORKDIR /app
        COPY . .
        RUN npm ci && npm run build
        FROM node:22-slim
        WORKDIR /app
        COPY --from=build /app/dist ./dist
        COPY . .
      `,
      files: {
        'package.json': '{"name":"a"}',
        'package-lock.json': '{}',
        'src/index.ts': 1000,
        'node_modules/left-pad/index.js': 2000,
      },
      lines: [3, 8],
    },
  },
});
