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
      message: /without pipefail/,
    },
    'under SHELL with pipefail the message does not claim pipefail is missing': {
      dockerfile: df`
        FROM debian:bookworm-slim
        SHELL ["/bin/bash", "-o", "pipefail", "-c"]
        RUN curl -fsSL https://example.com/install.sh | bash
      `,
      lines: [3],
      message: /^(?![\s\S]*without pipefail)[\s\S]*pipefail only stops a failed download/,
    },
    'set -o pipefail earlier in the RUN counts too': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN set -eux -o pipefail; curl -fsSL https://example.com/install.sh | bash
      `,
      lines: [2],
      message: /pipefail only stops a failed download/,
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
