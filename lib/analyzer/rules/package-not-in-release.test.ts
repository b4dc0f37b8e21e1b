import { describe, expect, it } from 'vitest';
import { ALL_APT_NAMES } from '../apt-names-all';
import { createAnalyzerCache } from '../cache';
import { buildModel } from '../model';
import { packageNotInRelease } from './package-not-in-release';
import { df, ruleTests } from './test-helpers';

const aptNameExists = (release: string, name: string) => ALL_APT_NAMES.exists(release, name);

describe('AptNames', () => {
  it('knows the names each release has and rejects the ones it lacks', () => {
    expect(aptNameExists('bookworm', 'curl')).toBe(true);
    expect(aptNameExists('bookworm', 'python3')).toBe(true);
    // Debian dropped the Python 2 "python" package after bullseye; libssl1.1 left with bookworm.
    expect(aptNameExists('bookworm', 'python')).toBe(false);
    expect(aptNameExists('trixie', 'libssl1.1')).toBe(false);
    expect(aptNameExists('noble', 'libssl3t64')).toBe(true);
    expect(aptNameExists('bookworm', 'no-such-package-xyz')).toBe(false);
  });

  it('has no answer for a release without a filter', () => {
    expect(aptNameExists('buster', 'curl')).toBeUndefined();
  });
});

ruleTests(
  packageNotInRelease,
  {
    valid: {
      'every name exists in bookworm': df`
      FROM debian:bookworm-slim
      RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates python3 && rm -rf /var/lib/apt/lists/*
    `,
      'a third-party apt source is added first (nginx.org packages)': df`
      FROM debian:bookworm-slim
      RUN echo "deb https://nginx.org/packages/mainline/debian/ bookworm nginx" > /etc/apt/sources.list.d/nginx.list \\
       && apt-get update && apt-get install -y nginx-module-njs
    `,
      'a setup script piped into bash may add a source (NodeSource)': df`
      FROM debian:bookworm-slim
      RUN curl -fsSL https://deb.nodesource.com/setup_22.x | bash - && apt-get install -y nodejs-lts-xyz
    `,
      'the failure is tolerated with ||': df`
      FROM debian:bookworm-slim
      RUN apt-get update && (apt-get install -y python || true)
    `,
      'a base whose release has no filter': df`
      FROM debian:bullseye-slim
      RUN apt-get update && apt-get install -y python
    `,
      'a builder stage the target never uses is not built': df`
      FROM debian:bookworm-slim AS unused
      RUN apt-get update && apt-get install -y python
      FROM debian:bookworm-slim
      CMD ["bash"]
    `,
      'names from a variable are not judged': df`
      FROM debian:bookworm-slim
      ARG PKG
      RUN apt-get update && apt-get install -y $PKG
    `,
    },
    invalid: {
      'python (Python 2) is gone from bookworm': {
        dockerfile: df`
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y --no-install-recommends python python3-pip
      `,
        lines: [2],
        message: /Debian 12 bookworm has no package "python"/,
      },
      'libssl1.1 is not in trixie (python:3.12-slim is trixie)': {
        dockerfile: df`
        FROM python:3.12-slim
        RUN apt-get update && apt-get install -y libssl1.1 && rm -rf /var/lib/apt/lists/*
      `,
        lines: [2],
        message: /trixie has no package "libssl1.1"/,
      },
      'a typo in a builder stage the target copies from still fails the build': {
        dockerfile: df`
        FROM debian:bookworm-slim AS build
        RUN apt-get update && apt-get install -y build-esential
        FROM debian:bookworm-slim
        COPY --from=build /etc/hostname /x
      `,
        lines: [2],
      },
    },
  },
  { cache: () => createAnalyzerCache({ aptNames: ALL_APT_NAMES }) },
);

describe('without an apt name registry', () => {
  it('the rule says nothing, even for a name the release lacks', () => {
    const model = buildModel({
      dockerfile: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y python\n',
    });
    expect(packageNotInRelease.check(model)).toEqual([]);
    const withNames = buildModel(
      {
        dockerfile: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y python\n',
      },
      createAnalyzerCache({ aptNames: ALL_APT_NAMES }),
    );
    expect(packageNotInRelease.check(withNames)).toHaveLength(1);
  });
});
