import { copySourceMissing } from './copy-source-missing';
import { df, ruleTests } from './test-helpers';

const files = {
  'app.py': 2000,
  'requirements.txt': 'flask\n',
  'config/settings.toml': 300,
  '.env': 'X=1\n',
};

ruleTests(copySourceMissing, {
  valid: {
    'every source exists': {
      dockerfile: df`
      FROM python:3.12-slim
      COPY requirements.txt app.py /app/
      COPY config/ /app/config/
    `,
      files,
    },
    'a glob that matches': {
      dockerfile: df`
      FROM python:3.12-slim
      COPY *.py /app/
    `,
      files,
    },
    'COPY --from a stage is not a context path': {
      dockerfile: df`
      FROM python:3.12-slim AS build
      RUN mkdir /out
      FROM python:3.12-slim
      COPY --from=build /out /out
    `,
      files,
    },
    'no build context described': df`
      FROM python:3.12-slim
      COPY missing.txt /app/
    `,
  },
  invalid: {
    'a file that is not in the context': {
      dockerfile: df`
        FROM python:3.12-slim
        COPY requirements.txt main.py /app/
      `,
      files,
      lines: [2],
      message: /main\.py is not in the build context/,
    },
    'a path .dockerignore excludes': {
      dockerfile: df`
        FROM python:3.12-slim
        COPY config /app/config
      `,
      dockerignore: 'config\n',
      files,
      lines: [2],
      message: /\.dockerignore excludes config/,
    },
  },
});
