import { packageManagerInFinal } from './package-manager-in-final';
import { df, ruleTests } from './test-helpers';

ruleTests(packageManagerInFinal, {
  valid: {
    'distroless final image has no package manager': df`
      FROM python:3.11-slim AS build
      RUN pip install --no-cache-dir --target=/deps flask
      FROM gcr.io/distroless/python3-debian12:nonroot
      COPY --from=build /deps /deps
      ENV PYTHONPATH=/deps
      CMD ["app.py"]
    `,
    'removes pip after installing': df`
      FROM python:3.12-slim
      RUN pip install --no-cache-dir flask && pip uninstall -y pip
      CMD ["python", "-m", "flask", "run"]
    `,
    'the command runs npm itself': df`
      FROM node:22-alpine
      WORKDIR /app
      RUN rm -rf /opt/yarn-v* /usr/local/bin/yarn /usr/local/bin/yarnpkg
      CMD ["npm", "start"]
    `,
    'the article: apk del py3-pip in the final stage': df`
      FROM alpine:3.22
      RUN apk add --no-cache python3 py3-pip && pip install --break-system-packages --no-cache-dir flask && apk del py3-pip
      CMD ["python3", "-m", "flask", "run"]
    `,
  },
  invalid: {
    'python:slim still ships pip the app never uses': {
      dockerfile: df`
        FROM python:3.12-slim
        RUN pip install --no-cache-dir flask
        CMD ["python", "-m", "flask", "run"]
      `,
      lines: [1],
      message: /^pip ships/,
    },
    'node images ship npm and yarn; a command that runs node uses neither': {
      dockerfile: df`
        FROM node:22-slim
        WORKDIR /app
        COPY server.js .
        CMD ["node", "server.js"]
      `,
      files: { 'server.js': 1000 },
      lines: [1],
      message: /^npm and yarn ship/,
    },
    'py3-pip installed by the Dockerfile and kept': {
      dockerfile: df`
        FROM alpine:3.22
        RUN apk add --no-cache python3 py3-pip
        CMD ["python3", "app.py"]
      `,
      lines: [2],
    },
  },
});
