import { addInsteadOfCopy } from './add-instead-of-copy';
import { df, ruleTests } from './test-helpers';

const files = { 'app.py': 1000, 'vendor.tar.gz': 50000, 'conf/app.ini': 200 };

ruleTests(addInsteadOfCopy, {
  valid: {
    'COPY for local files': {
      dockerfile: df`
      FROM python:3.12-slim
      COPY app.py /app/
    `,
      files,
    },
    'ADD of a local archive it unpacks': {
      dockerfile: df`
      FROM python:3.12-slim
      ADD vendor.tar.gz /opt/vendor/
    `,
      files,
    },
    'ADD of a URL with a checksum': df`
      FROM python:3.12-slim
      ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /tmp/
    `,
  },
  invalid: {
    'ADD of plain local files': {
      dockerfile: df`
        FROM python:3.12-slim
        ADD app.py /app/
        ADD conf /app/conf
      `,
      files,
      lines: [2, 3],
      fixed: df`
        FROM python:3.12-slim
        COPY app.py /app/
        COPY conf /app/conf
      `,
    },
    'ADD --chown keeps its flag as COPY --chown': {
      dockerfile: df`
        FROM python:3.12-slim
        ADD --chown=1000:1000 . /app
      `,
      files,
      lines: [2],
      fixed: df`
        FROM python:3.12-slim
        COPY --chown=1000:1000 . /app
      `,
    },
  },
});
