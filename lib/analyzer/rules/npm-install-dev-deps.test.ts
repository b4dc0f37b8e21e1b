import { npmInstallDevDeps } from './npm-install-dev-deps';
import { df, ruleTests } from './test-helpers';

const files = {
  'package.json': JSON.stringify({
    name: 'web',
    dependencies: { express: '^4.19.0' },
    devDependencies: { typescript: '^5.4.0', jest: '^29.7.0' },
    scripts: { build: 'tsc' },
  }),
  'package-lock.json': '{}',
  'src/server.ts': 3000,
};

ruleTests(npmInstallDevDeps, {
  valid: {
    'the package.json declares no devDependencies': {
      dockerfile: df`
      FROM node:22-slim
      WORKDIR /app
      COPY package.json package-lock.json ./
      RUN npm ci
    `,
      files: {
        ...files,
        'package.json': JSON.stringify({ name: 'web', dependencies: { express: '^4.19.0' } }),
      },
    },
    'CMD runs a development tool (npm run dev), so the image needs its devDependencies': {
      dockerfile: df`
      FROM node:22-slim
      WORKDIR /app
      COPY package.json package-lock.json ./
      RUN npm ci
      CMD ["npm", "run", "dev"]
    `,
      files,
    },
    'CMD runs a devDependency through npx': {
      dockerfile: df`
      FROM node:22-slim
      WORKDIR /app
      COPY package.json package-lock.json ./
      RUN npm ci
      CMD ["npx", "jest", "--watchAll"]
    `,
      files,
    },
    'npm ci --omit=dev': {
      dockerfile: df`
      FROM node:22-slim
      WORKDIR /app
      COPY package.json package-lock.json ./
      RUN npm ci --omit=dev && npm cache clean --force
    `,
      files,
    },
    'NODE_ENV=production makes npm skip devDependencies': {
      dockerfile: df`
      FROM node:22-slim
      ENV NODE_ENV=production
      WORKDIR /app
      COPY package.json package-lock.json ./
      RUN npm ci
    `,
      files,
    },
    'the older --only=production and --production spellings': {
      dockerfile: df`
      FROM node:22-slim
      WORKDIR /app
      COPY package.json package-lock.json ./
      RUN npm ci --only=production && npm install --production
    `,
      files,
    },
    'dev dependencies installed only in the build stage': {
      dockerfile: df`
      FROM node:22-slim AS build
      WORKDIR /app
      COPY package.json package-lock.json ./
      RUN npm ci
      COPY src ./src
      RUN npm run build
      FROM node:22-slim
      WORKDIR /app
      COPY package.json package-lock.json ./
      RUN npm ci --omit=dev
      COPY --from=build /app/dist ./dist
    `,
      files,
    },
    'pruned in the same RUN': {
      dockerfile: df`
      FROM node:22-slim
      WORKDIR /app
      COPY . .
      RUN npm ci && npm run build && npm prune --omit=dev
    `,
      files,
    },
    'installing one named package is not a project install': df`
      FROM node:22-slim
      RUN npm install -g serve
    `,
  },
  invalid: {
    'npm ci installs devDependencies into the shipped image': {
      dockerfile: df`
        FROM node:22-slim
        WORKDIR /app
        COPY package.json package-lock.json ./
        RUN npm ci
      `,
      files,
      lines: [4],
      fixed: df`
        FROM node:22-slim
        WORKDIR /app
        COPY package.json package-lock.json ./
        RUN npm ci --omit=dev
      `,
    },
    'a single stage that builds needs them: no fix, advice to use a build stage': {
      dockerfile: df`
        FROM node:22-slim
        WORKDIR /app
        COPY . .
        RUN npm install && npm run build
        CMD ["node", "dist/server.js"]
      `,
      files,
      lines: [4],
      message: /separate stage/,
    },
  },
});
