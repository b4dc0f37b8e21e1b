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
    'the context has no package.json at all (nothing npm could install from it)': {
      dockerfile: df`
      FROM node:22-slim
      WORKDIR /app
      COPY . .
      RUN npm install
      CMD ["node", "server.js"]
    `,
      files: { 'server.js': 2000, 'README.md': 300 },
    },
    'the context has a package.json but this stage never copies it': {
      dockerfile: df`
      FROM node:22-slim
      WORKDIR /app
      COPY src ./src
      RUN npm install
    `,
      files,
    },
    'a package.json without devDependencies, and a build step later': {
      dockerfile: df`
      FROM node:22-slim
      WORKDIR /app
      COPY . .
      RUN npm ci && npm run build
    `,
      files: {
        ...files,
        'package.json': JSON.stringify({
          name: 'web',
          dependencies: { express: '^4.19.0', esbuild: '^0.21.0' },
          scripts: { build: 'esbuild src/server.ts --outdir=dist' },
        }),
      },
    },
    'CMD runs nodemon through npx (a dev tool, even when package.json does not list it)': {
      dockerfile: df`
      FROM node:22-slim
      WORKDIR /app
      COPY package.json package-lock.json ./
      RUN npm ci
      CMD ["npx", "nodemon"]
    `,
      files,
    },
    'CMD runs nodemon through npx, no context given': df`
      FROM node:22-slim
      WORKDIR /app
      COPY package.json package-lock.json ./
      RUN npm ci
      CMD ["npx", "nodemon"]
    `,
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
    'package.json text names devDependencies: the message says so plainly': {
      dockerfile: df`
        FROM node:22-slim
        WORKDIR /app
        COPY package.json package-lock.json ./
        RUN npm install
        CMD ["node", "server.js"]
      `,
      files: {
        'package.json': JSON.stringify({
          name: 'web',
          dependencies: { express: '^4.19.0' },
          devDependencies: { '@acme/lint-config': '1.0.0' },
        }),
        'package-lock.json': '{}',
      },
      lines: [4],
      message: /^npm installs [\d.]+ [kMG]B of devDependencies/,
      fixed: df`
        FROM node:22-slim
        WORKDIR /app
        COPY package.json package-lock.json ./
        RUN npm install --omit=dev
        CMD ["node", "server.js"]
      `,
    },
    'no context given: the finding is conditional on package.json listing devDependencies': {
      dockerfile: df`
        FROM node:22-slim
        WORKDIR /app
        COPY package.json package-lock.json ./
        RUN npm ci
        CMD ["node", "server.js"]
      `,
      lines: [4],
      message: /^If package\.json lists devDependencies/,
      fixed: df`
        FROM node:22-slim
        WORKDIR /app
        COPY package.json package-lock.json ./
        RUN npm ci --omit=dev
        CMD ["node", "server.js"]
      `,
    },
    'a package.json known only by its size: conditional': {
      dockerfile: df`
        FROM node:22-slim
        WORKDIR /app
        COPY package.json ./
        RUN npm install
      `,
      files: { 'package.json': 600 },
      lines: [4],
      message: /^If package\.json lists devDependencies/,
      fixed: df`
        FROM node:22-slim
        WORKDIR /app
        COPY package.json ./
        RUN npm install --omit=dev
      `,
    },
    'no package.json in the context, but the sources are cloned in the same RUN': {
      dockerfile: df`
        FROM node:22-slim
        WORKDIR /app
        RUN git clone https://github.com/example/web . && npm install
      `,
      files: { 'README.md': 300 },
      lines: [3],
      message: /^If package\.json lists devDependencies/,
      fixed: df`
        FROM node:22-slim
        WORKDIR /app
        RUN git clone https://github.com/example/web . && npm install --omit=dev
      `,
    },
    'package.json copied from another stage: its text is not known here': {
      dockerfile: df`
        FROM node:22-slim AS src
        WORKDIR /app
        COPY . .
        FROM node:22-slim
        WORKDIR /app
        COPY --from=src /app/package.json ./
        RUN npm install
      `,
      files: { 'README.md': 300 },
      lines: [7],
      message: /^If package\.json lists devDependencies/,
      fixed: df`
        FROM node:22-slim AS src
        WORKDIR /app
        COPY . .
        FROM node:22-slim
        WORKDIR /app
        COPY --from=src /app/package.json ./
        RUN npm install --omit=dev
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
