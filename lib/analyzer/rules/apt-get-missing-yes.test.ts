import { aptGetMissingYes } from './apt-get-missing-yes';
import { df, ruleTests } from './test-helpers';

ruleTests(aptGetMissingYes, {
  valid: {
    'apt-get install -y': df`
      FROM debian:bookworm-slim
      RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
    `,
    'combined short flags and long forms': df`
      FROM debian:bookworm-slim
      RUN apt-get update && apt-get -qy install curl && apt-get install --yes wget && apt-get purge --assume-yes wget
    `,
    '-qq implies -y': df`
      FROM debian:bookworm-slim
      RUN apt-get update -qq && apt-get install -qq curl
    `,
    'yes piped into apt-get': df`
      FROM debian:bookworm-slim
      RUN yes | apt-get install curl
    `,
    'an apt config answers yes': df`
      FROM debian:bookworm-slim
      RUN echo 'APT::Get::Assume-Yes "true";' > /etc/apt/apt.conf.d/90yes
      RUN apt-get update && apt-get install curl
    `,
    'a simulation never prompts (-s, --simulate, --dry-run, --just-print, --no-act)': df`
      FROM debian:bookworm-slim
      RUN apt-get update && apt-get install -s curl && apt-get install --simulate wget && apt-get install --dry-run git && apt-get install --just-print jq && apt-get --no-act install vim && apt-get -qs install less
    `,
    'quiet level 2 written as -q -q or -q=2 implies -y': df`
      FROM debian:bookworm-slim
      RUN apt-get update && apt-get install -q -q curl && apt-get install -q=2 wget
    `,
    'options in an unresolved variable may hold -y': df`
      FROM debian:bookworm-slim
      RUN apt-get update && apt-get install $APT_FLAGS curl
    `,
    'apt-get update never prompts': df`
      FROM debian:bookworm-slim
      RUN apt-get update
    `,
  },
  invalid: {
    'apt-get install without -y aborts the build': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install --no-install-recommends curl
      `,
      lines: [2],
      fixed: df`
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y --no-install-recommends curl
      `,
    },
    'a single -q is not enough (only quiet level 2 implies -y)': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -q curl
      `,
      lines: [2],
      fixed: df`
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y -q curl
      `,
    },
    'in a builder stage too (the build fails there)': {
      dockerfile: df`
        FROM debian:bookworm-slim AS build
        RUN apt-get update && apt-get upgrade && apt purge curl
        FROM scratch
      `,
      lines: [2, 2],
      fixed: df`
        FROM debian:bookworm-slim AS build
        RUN apt-get update && apt-get upgrade -y && apt purge -y curl
        FROM scratch
      `,
    },
  },
});
