import { aptUpgrade } from './apt-upgrade';
import { df, ruleTests } from './test-helpers';

ruleTests(aptUpgrade, {
  valid: {
    'installs without upgrading': df`
      FROM debian:bookworm-slim
      RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
    `,
    'upgrades only in a builder stage that is copied from': df`
      FROM debian:bookworm-slim AS build
      RUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*
      RUN mkdir /out && echo ok > /out/ok
      FROM debian:bookworm-slim
      COPY --from=build /out /out
    `,
  },
  invalid: {
    'apt-get upgrade rewrites base packages into a new layer': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*
      `,
      lines: [2],
    },
    'dist-upgrade and apt full-upgrade count too': {
      dockerfile: df`
        FROM ubuntu:22.04
        RUN apt-get update && apt-get -y dist-upgrade && apt full-upgrade -y && rm -rf /var/lib/apt/lists/*
      `,
      lines: [2, 2],
    },
  },
});
