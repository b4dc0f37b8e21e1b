import { pipCacheKept } from './pip-cache-kept';
import { df, ruleTests } from './test-helpers';

const files = { 'requirements.txt': 'flask\n', 'app.py': 1000 };

ruleTests(pipCacheKept, {
  valid: {
    'pip where nothing installed Python (the build stops): it caches nothing': df`
      FROM node:20-slim
      RUN pip install flask
    `,
    'uses --no-cache-dir': df`
      FROM python:3.12-slim
      RUN pip install --no-cache-dir flask
    `,
    '--no-cache-dir as a global option before install': df`
      FROM python:3.12-slim
      RUN pip --no-cache-dir install flask
    `,
    'PIP_NO_CACHE_DIR is set': df`
      FROM python:3.12-slim
      ENV PIP_NO_CACHE_DIR=1
      RUN pip install flask
    `,
    'cache mount on the pip cache': df`
      FROM python:3.12-slim
      RUN --mount=type=cache,target=/root/.cache/pip pip install flask
    `,
    'removes the cache in the same RUN': df`
      FROM python:3.12-slim
      RUN pip install flask && rm -rf /root/.cache/pip
    `,
    'pip cache purge in the same RUN': df`
      FROM python:3.12-slim
      RUN pip install flask && pip cache purge
    `,
    'installs in a builder stage whose packages are copied': df`
      FROM python:3.12-slim AS build
      RUN pip install --prefix=/install flask
      FROM python:3.12-slim
      COPY --from=build /install /usr/local
    `,
  },
  invalid: {
    'pip install keeps its cache': {
      dockerfile: df`
        FROM python:3.12-slim
        COPY requirements.txt .
        RUN pip install -r requirements.txt
      `,
      files,
      lines: [3],
      savedBytes: [1, 100e6],
      message: /pip's cache keeps \d+(\.\d+)? (kB|MB) of downloads/,
      fixed: df`
        FROM python:3.12-slim
        COPY requirements.txt .
        RUN pip install --no-cache-dir -r requirements.txt
      `,
    },
    'python -m pip and pip3 are pip too': {
      dockerfile: df`
        FROM python:3.12-slim
        RUN python -m pip install flask && pip3 install gunicorn
      `,
      lines: [2, 2],
      fixed: df`
        FROM python:3.12-slim
        RUN python -m pip install --no-cache-dir flask && pip3 install --no-cache-dir gunicorn
      `,
    },
    'removing the cache of another user does not help root': {
      dockerfile: df`
        FROM python:3.12-slim
        RUN pip install flask && rm -rf /home/app/.cache/pip
      `,
      lines: [2],
      fixed: df`
        FROM python:3.12-slim
        RUN pip install --no-cache-dir flask && rm -rf /home/app/.cache/pip
      `,
    },
  },
});
