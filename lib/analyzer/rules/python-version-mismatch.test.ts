import { pythonVersionMismatch } from './python-version-mismatch';
import { df, ruleTests } from './test-helpers';

const files = { 'requirements.txt': 'flask\n', 'app.py': 2000 };

ruleTests(pythonVersionMismatch, {
  valid: {
    'pure-Python packages in a --target folder load in another 3.x (PYTHONPATH)': {
      dockerfile: df`
      FROM python:3.12-slim AS build
      RUN pip install --no-cache-dir --target /deps flask gunicorn
      FROM gcr.io/distroless/python3-debian12
      COPY --from=build /deps /deps
      ENV PYTHONPATH=/deps
      CMD ["-m", "gunicorn", "app:app"]
      `,
    },
    'Python 3.11 builder into distroless python3 (Debian 12, Python 3.11)': {
      dockerfile: df`
      FROM python:3.11-slim AS build
      COPY requirements.txt .
      RUN pip install --no-cache-dir --user -r requirements.txt
      FROM gcr.io/distroless/python3-debian12:nonroot
      COPY --from=build /root/.local /home/nonroot/.local
      COPY app.py /app/
      CMD ["/app/app.py"]
    `,
      files,
    },
    'same image in both stages': df`
      FROM python:3.12-slim AS build
      RUN pip install --no-cache-dir --prefix=/install flask
      FROM python:3.12-slim
      COPY --from=build /install /usr/local
    `,
    'the whole /usr/local (interpreter included) is copied': df`
      FROM python:3.12-slim AS build
      RUN pip install --no-cache-dir flask
      FROM python:3.11-slim
      COPY --from=build /usr/local /usr/local
    `,
    'different Pythons, but only a non-Python artifact is copied': df`
      FROM python:3.12-slim AS build
      RUN mkdir /out && echo hi > /out/index.html
      FROM python:3.11-slim
      COPY --from=build /out /srv
    `,
  },
  invalid: {
    "the article's example: Ubuntu 20.04 (Python 3.8) --user packages into distroless python3 (3.11)":
      {
        dockerfile: df`
        FROM ubuntu:20.04 AS builder
        RUN apt-get update && \\
        apt-get install -y --no-install-recommends python3 python3-pip gcc && \\
        apt-get clean && \\
        rm -rf /var/lib/apt/lists/*
        COPY requirements.txt .
        RUN pip3 install --no-cache-dir --user -r requirements.txt
        FROM gcr.io/distroless/python3
        COPY --from=builder /root/.local /root/.local
        COPY . /app
        WORKDIR /app
        CMD ["app.py"]
      `,
        files,
        lines: [9],
        message: /Python 3\.8.*Python 3\.11/,
      },
    'a virtualenv built on 3.12 copied into 3.11': {
      dockerfile: df`
        FROM python:3.12-slim AS build
        RUN python -m venv /opt/venv && /opt/venv/bin/pip install --no-cache-dir flask
        FROM python:3.11-slim
        COPY --from=build /opt/venv /opt/venv
      `,
      lines: [4],
    },
  },
});
