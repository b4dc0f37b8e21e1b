import { cleanupInLaterLayer } from './cleanup-in-later-layer';
import { df, ruleTests } from './test-helpers';

ruleTests(cleanupInLaterLayer, {
  valid: {
    'deletes in the same RUN that creates': df`
      FROM debian:bookworm-slim
      RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
    `,
    'a later rm of something no earlier layer made': df`
      FROM debian:bookworm-slim
      RUN rm -rf /tmp/nothing-here
    `,
    'later cleanup inside a builder stage that is only copied from': df`
      FROM python:3.12-slim AS build
      RUN pip install flask
      RUN rm -rf /root/.cache/pip
      FROM python:3.12-slim
      COPY --from=build /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages
    `,
  },
  invalid: {
    'removes the apt lists in a later RUN': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y --no-install-recommends curl
        RUN rm -rf /var/lib/apt/lists/*
      `,
      lines: [3],
      message: /line 2/,
      savedBytes: [10e6, 60e6],
    },
    'removes the pip cache in a later RUN': {
      dockerfile: df`
        FROM python:3.12-slim
        RUN pip install flask
        RUN rm -rf /root/.cache/pip
      `,
      lines: [3],
      savedBytes: [1, 50e6],
    },
    'purges compilers in a later RUN (apt-get purge)': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*
        RUN apt-get purge -y gcc && apt-get autoremove -y
      `,
      lines: [3],
      savedBytes: [50e6, 400e6],
    },
    'deletes copied files in a later RUN': {
      dockerfile: df`
        FROM python:3.12-slim
        COPY . /app
        RUN rm -rf /app/tests
      `,
      files: { 'app.py': 2000, 'tests/test_app.py': 50000 },
      lines: [3],
      savedBytes: [50000, 50000],
    },
  },
});
