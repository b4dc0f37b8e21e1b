import { compilerMissing } from './compiler-missing';
import { df, ruleTests } from './test-helpers';

const files = { 'requirements.txt': 'flask==3.1.1\npsycopg2==2.9.10\n' };

ruleTests(compilerMissing, {
  valid: {
    'gcc and libpq-dev are installed first': {
      dockerfile: df`
        FROM python:3.11-slim-bookworm
        RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev libpq-dev && rm -rf /var/lib/apt/lists/*
        COPY requirements.txt .
        RUN pip install --no-cache-dir -r requirements.txt
      `,
      files,
    },
    'the full python image carries gcc and libpq-dev (buildpack-deps)': {
      dockerfile: df`
        FROM python:3.11-bookworm
        COPY requirements.txt .
        RUN pip install --no-cache-dir -r requirements.txt
      `,
      files,
    },
    'psycopg2-binary installs from a wheel': df`
      FROM python:3.11-slim-bookworm
      RUN pip install --no-cache-dir psycopg2-binary
    `,
  },
  invalid: {
    'psycopg2 in a slim final stage without gcc': {
      dockerfile: df`
        FROM python:3.11-slim-bookworm
        RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*
        COPY requirements.txt .
        RUN pip install --no-cache-dir -r requirements.txt
      `,
      files,
      lines: [4],
      message: /psycopg2 from source.*no gcc/,
    },
    'gcc but no libpq-dev (pg_config is missing)': {
      dockerfile: df`
        FROM python:3.11-slim-bookworm
        RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev && rm -rf /var/lib/apt/lists/*
        RUN pip install --no-cache-dir psycopg2
      `,
      lines: [3],
      message: /libpq-dev/,
    },
  },
});
