import { aptUpgrade } from './apt-upgrade';
import { df, ruleTests, runRule } from './test-helpers';
import { describe, expect, it } from 'vitest';

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

describe('apt-upgrade savings', () => {
  it('promises none: the installs of the same RUN stay when the upgrade goes', () => {
    const hits = runRule(
      aptUpgrade,
      df`
        FROM ubuntu:24.04
        RUN apt-get update && apt-get upgrade -y && apt-get install -y --no-install-recommends ffmpeg && rm -rf /var/lib/apt/lists/*
      `,
    );
    expect(hits).toHaveLength(1);
    expect(hits[0].savedBytes).toBeUndefined();
  });
});
