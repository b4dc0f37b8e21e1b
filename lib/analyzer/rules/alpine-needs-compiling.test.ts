import { alpineNeedsCompiling } from './alpine-needs-compiling';
import { df, ruleTests } from './test-helpers';

ruleTests(alpineNeedsCompiling, {
  valid: {
    'pure-Python packages install anywhere': df`
      FROM python:3.12-alpine
      RUN pip install --no-cache-dir flask requests
    `,
    'packages with musllinux wheels (numpy, pandas)': df`
      FROM python:3.12-alpine
      RUN pip install --no-cache-dir numpy pandas
    `,
    'the same packages on a glibc image': df`
      FROM python:3.12-slim
      RUN pip install --no-cache-dir torch scikit-learn
    `,
  },
  invalid: {
    'torch cannot install on Alpine': {
      dockerfile: df`
        FROM python:3.12-alpine
        RUN pip install --no-cache-dir torch
      `,
      lines: [2],
      message: /torch.*cannot be installed on Alpine/,
    },
    'requirements.txt from the context is read too': {
      dockerfile: df`
        FROM python:3.12-alpine
        COPY requirements.txt .
        RUN pip install --no-cache-dir -r requirements.txt
      `,
      files: { 'requirements.txt': 'flask==3.0.0\nscikit-learn>=1.4\n' },
      lines: [3],
      message: /scikit-learn/,
    },
  },
});
