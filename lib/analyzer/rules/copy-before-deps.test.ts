import { copyBeforeDeps } from './copy-before-deps';
import { df, ruleTests } from './test-helpers';

const node = {
  'package.json': JSON.stringify({ name: 'web', dependencies: { express: '^4.19.0' } }),
  'package-lock.json': '{}',
  'server.js': 2000,
  'src/routes.js': 3000,
};
const python = { 'requirements.txt': 'flask\n', 'app.py': 2000 };

ruleTests(copyBeforeDeps, {
  valid: {
    'copies the manifests, installs, then copies the sources': {
      dockerfile: df`
      FROM node:22-slim
      WORKDIR /app
      COPY package.json package-lock.json ./
      RUN npm ci --omit=dev
      COPY . .
    `,
      files: node,
    },
    'requirements first for pip': {
      dockerfile: df`
      FROM python:3.12-slim
      WORKDIR /app
      COPY requirements.txt .
      RUN pip install --no-cache-dir -r requirements.txt
      COPY . .
    `,
      files: python,
    },
    'copies everything but installs nothing afterwards': {
      dockerfile: df`
      FROM python:3.12-slim
      COPY . /app
      CMD ["python", "/app/app.py"]
    `,
      files: python,
    },
    'pip install . needs the sources': {
      dockerfile: df`
      FROM python:3.12-slim
      WORKDIR /app
      COPY . .
      RUN pip install --no-cache-dir .
    `,
      files: { 'pyproject.toml': 500, 'app.py': 2000 },
    },
  },
  invalid: {
    'COPY . before npm ci': {
      dockerfile: df`
        FROM node:22-slim
        WORKDIR /app
        COPY . .
        RUN npm ci --omit=dev
        CMD ["node", "server.js"]
      `,
      files: node,
      lines: [3],
      message: /package\.json, package-lock\.json/,
      fixed: df`
        FROM node:22-slim
        WORKDIR /app
        COPY package.json package-lock.json ./
        RUN npm ci --omit=dev
        COPY . .
        CMD ["node", "server.js"]
      `,
    },
    'COPY . before pip install -r, with a step in between: no fix': {
      dockerfile: df`
        FROM python:3.12-slim
        COPY . /app
        WORKDIR /app
        RUN pip install --no-cache-dir -r requirements.txt
      `,
      files: python,
      lines: [2],
      message: /requirements\.txt/,
    },
    'two installs after one broad COPY move together': {
      // npm needs Node.js on a python image (without it the build stops at npm ci).
      dockerfile: df`
        FROM python:3.12-slim
        WORKDIR /app
        RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
        COPY . .
        RUN pip install --no-cache-dir -r requirements.txt
        RUN npm ci
      `,
      files: { ...python, ...node },
      lines: [4],
      message: /and 1 more install/,
      fixed: df`
        FROM python:3.12-slim
        WORKDIR /app
        RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
        COPY requirements.txt package.json package-lock.json ./
        RUN pip install --no-cache-dir -r requirements.txt
        RUN npm ci
        COPY . .
      `,
    },
    'the same in a builder stage (caching matters there too)': {
      dockerfile: df`
        FROM python:3.12-slim AS build
        WORKDIR /src
        COPY . .
        RUN pip install --no-cache-dir --prefix=/install -r requirements.txt
        FROM python:3.12-slim
        COPY --from=build /install /usr/local
      `,
      files: python,
      lines: [3],
      fixed: df`
        FROM python:3.12-slim AS build
        WORKDIR /src
        COPY requirements.txt ./
        RUN pip install --no-cache-dir --prefix=/install -r requirements.txt
        COPY . .
        FROM python:3.12-slim
        COPY --from=build /install /usr/local
      `,
    },
  },
});
