import { npmCiWithoutLockfile } from './npm-ci-without-lockfile';
import { df, ruleTests } from './test-helpers';

const PKG = JSON.stringify({ name: 'shop', dependencies: { express: '^4.21.2' } });
const files = { 'package.json': PKG, 'package-lock.json': 4000, 'src/server.js': 900 };

ruleTests(npmCiWithoutLockfile, {
  valid: {
    'the lockfile is copied with package.json': {
      dockerfile: df`
        FROM node:22-alpine
        WORKDIR /app
        COPY package.json package-lock.json ./
        RUN npm ci --omit=dev
      `,
      files,
    },
    'npm install needs no lockfile': {
      dockerfile: df`
        FROM node:22-alpine
        WORKDIR /app
        COPY package.json ./
        RUN npm install --omit=dev
      `,
      files,
    },
    'COPY . . brings the lockfile': {
      dockerfile: df`
        FROM node:22-alpine
        WORKDIR /app
        COPY . .
        RUN npm ci --omit=dev
      `,
      files,
    },
  },
  invalid: {
    'only package.json is copied': {
      dockerfile: df`
        FROM node:22-alpine
        WORKDIR /app
        COPY package.json ./
        RUN npm ci --omit=dev
      `,
      files,
      lines: [4],
      message: /package-lock\.json/,
    },
    '.dockerignore leaves the lockfile out of COPY . .': {
      dockerfile: df`
        FROM node:22-alpine
        WORKDIR /app
        COPY . .
        RUN npm ci --omit=dev
      `,
      dockerignore: 'package-lock.json\n',
      files,
      lines: [4],
    },
  },
});
