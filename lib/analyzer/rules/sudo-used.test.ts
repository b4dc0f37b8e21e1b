import { sudoUsed } from './sudo-used';
import { df, ruleTests } from './test-helpers';

ruleTests(sudoUsed, {
  valid: {
    'RUN already runs as root': df`
      FROM debian:bookworm-slim
      RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
    `,
    'the word sudo as an argument': df`
      FROM debian:bookworm-slim
      RUN echo sudo
    `,
  },
  invalid: {
    'sudo before apt-get': {
      dockerfile: df`
        FROM ubuntu:22.04
        RUN sudo apt-get update && sudo apt-get install -y curl
      `,
      lines: [2, 2],
      fixed: df`
        FROM ubuntu:22.04
        RUN apt-get update && apt-get install -y curl
      `,
    },
    'sudo -u to run as another user: no fix (use USER)': {
      dockerfile: df`
        FROM ubuntu:22.04
        RUN sudo -u app touch /tmp/x
      `,
      lines: [2],
    },
  },
});
