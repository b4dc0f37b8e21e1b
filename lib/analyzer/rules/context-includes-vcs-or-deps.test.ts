import { contextIncludesVcsOrDeps } from './context-includes-vcs-or-deps';
import { df, ruleTests } from './test-helpers';

const project = {
  'package.json': '{"name":"web","dependencies":{"express":"^4"}}',
  'package-lock.json': '{}',
  'server.js': 2000,
  '.git/objects/pack/p.pack': 3_000_000,
  'node_modules/express/index.js': 200_000,
  'src/__pycache__/x.pyc': 1000,
};

ruleTests(contextIncludesVcsOrDeps, {
  valid: {
    '.dockerignore leaves them out': {
      dockerfile: df`
        FROM node:22-slim
        WORKDIR /app
        COPY . .
      `,
      dockerignore: '.git\nnode_modules\n**/__pycache__\n',
      files: project,
    },
    'copies only named files': {
      dockerfile: df`
        FROM node:22-slim
        COPY package.json package-lock.json server.js /app/
      `,
      files: project,
    },
    'names node_modules on purpose': {
      dockerfile: df`
        FROM node:22-slim
        COPY node_modules /app/node_modules
      `,
      files: project,
    },
  },
  invalid: {
    'COPY . takes .git, node_modules and a nested cache': {
      dockerfile: df`
        FROM node:22-slim
        WORKDIR /app
        COPY . .
      `,
      files: project,
      lines: [3],
      message: /\.git.*node_modules.*\*\*\/__pycache__|node_modules.*\.git/,
      savedBytes: [3_201_000, 3_201_000],
    },
    'a builder copy also counts (no bytes ship from it)': {
      dockerfile: df`
        FROM node:22-slim AS build
        WORKDIR /app
        COPY . .
        FROM node:22-slim
        COPY --from=build /app/server.js /server.js
      `,
      files: project,
      lines: [3],
    },
  },
});
