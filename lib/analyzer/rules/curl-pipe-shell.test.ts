import { curlPipeShell } from './curl-pipe-shell';
import { df, ruleTests } from './test-helpers';

ruleTests(curlPipeShell, {
  valid: {
    'downloads, verifies, then runs': df`
      FROM debian:bookworm-slim
      RUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \\
       && echo "0123abcd  /tmp/install.sh" | sha256sum -c - \\
       && sh /tmp/install.sh
    `,
    'pipes a download into tar, not a shell': df`
      FROM debian:bookworm-slim
      RUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /usr/local
    `,
  },
  invalid: {
    'curl | sh': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN curl -fsSL https://example.com/install.sh | sh
      `,
      lines: [2],
    },
    'wget -qO- | bash in a builder stage (it runs during the build)': {
      dockerfile: df`
        FROM debian:bookworm-slim AS build
        RUN apt-get update && wget -qO- https://example.com/setup | bash -s -- --yes
        FROM debian:bookworm-slim
      `,
      lines: [2],
    },
    'curl | python3': {
      dockerfile: df`
        FROM python:3.12-slim
        RUN curl -sSL https://install.python-poetry.org | python3 -
      `,
      lines: [2],
    },
  },
});
