import { yarnCacheKept } from './yarn-cache-kept';
import { df, ruleTests } from './test-helpers';

const files = {
  'package.json': JSON.stringify({ name: 'web', dependencies: { express: '^4.19.0' } }),
  'yarn.lock': '# yarn lockfile v1\n',
  'server.js': 2000,
};

ruleTests(yarnCacheKept, {
  valid: {
    'cleans the cache in the same RUN': {
      dockerfile: df`
      FROM node:22-slim
      WORKDIR /app
      COPY package.json yarn.lock ./
      RUN yarn install --frozen-lockfile --production && yarn cache clean
    `,
      files,
    },
    'cache mount on the Yarn cache': {
      dockerfile: df`
      FROM node:22-slim
      WORKDIR /app
      COPY package.json yarn.lock ./
      RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile --production
    `,
      files,
    },
    'installs in a build stage only': {
      dockerfile: df`
      FROM node:22-slim AS deps
      WORKDIR /app
      COPY package.json yarn.lock ./
      RUN yarn install --frozen-lockfile --production
      FROM gcr.io/distroless/nodejs22-debian12:nonroot
      COPY --from=deps /app/node_modules /app/node_modules
    `,
      files,
    },
    'yarn build is not an install': {
      dockerfile: df`
      FROM node:22-slim
      RUN yarn build
    `,
      files,
    },
  },
  invalid: {
    'yarn install keeps its cache': {
      dockerfile: df`
        FROM node:22-slim
        WORKDIR /app
        COPY package.json yarn.lock ./
        RUN yarn install --frozen-lockfile --production
      `,
      files,
      lines: [4],
      fixed: df`
        FROM node:22-slim
        WORKDIR /app
        COPY package.json yarn.lock ./
        RUN yarn install --frozen-lockfile --production && yarn cache clean
      `,
    },
    'a bare yarn is yarn install': {
      dockerfile: df`
        FROM node:22-slim
        WORKDIR /app
        COPY package.json yarn.lock ./
        RUN yarn
      `,
      files,
      lines: [4],
      fixed: df`
        FROM node:22-slim
        WORKDIR /app
        COPY package.json yarn.lock ./
        RUN yarn && yarn cache clean
      `,
    },
  },
});
