import { npmCacheKept } from './npm-cache-kept';
import { df, ruleTests } from './test-helpers';

const files = {
  'package.json': JSON.stringify({ name: 'web', dependencies: { express: '^4.19.0' } }),
  'package-lock.json': '{}',
  'server.js': 2000,
};

ruleTests(npmCacheKept, {
  valid: {
    'cleans the cache in the same RUN': {
      dockerfile: df`
        FROM node:22-slim
        WORKDIR /app
        COPY package.json package-lock.json ./
        RUN npm ci --omit=dev && npm cache clean --force
      `,
      files,
    },
    'cache mount on /root/.npm': {
      dockerfile: df`
        FROM node:22-slim
        WORKDIR /app
        COPY package.json package-lock.json ./
        RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev
      `,
      files,
    },
    'removes ~/.npm of the node user who ran the install': {
      dockerfile: df`
        FROM node:22-slim
        USER node
        WORKDIR /home/node/app
        COPY package.json package-lock.json ./
        RUN npm ci --omit=dev && rm -rf /home/node/.npm
      `,
      files,
    },
    'installs in a builder stage and copies node_modules': {
      dockerfile: df`
        FROM node:22-slim AS deps
        WORKDIR /app
        COPY package.json package-lock.json ./
        RUN npm ci --omit=dev
        FROM gcr.io/distroless/nodejs22-debian12:nonroot
        COPY --from=deps /app/node_modules /app/node_modules
      `,
      files,
    },
  },
  invalid: {
    'npm ci keeps its cache in the image': {
      dockerfile: df`
        FROM node:22-slim
        WORKDIR /app
        COPY package.json package-lock.json ./
        RUN npm ci --omit=dev
      `,
      files,
      lines: [4],
      savedBytes: [1, 50e6],
      message: /npm's cache keeps/,
      fixed: df`
        FROM node:22-slim
        WORKDIR /app
        COPY package.json package-lock.json ./
        RUN npm ci --omit=dev && npm cache clean --force
      `,
    },
    'npm install -g keeps the cache too': {
      dockerfile: df`
        FROM node:22-slim
        RUN npm install -g serve
      `,
      lines: [2],
      fixed: df`
        FROM node:22-slim
        RUN npm install -g serve && npm cache clean --force
      `,
    },
  },
});
