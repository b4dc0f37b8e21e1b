import { buildToolsInFinal } from './build-tools-in-final';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../model';
import { df, ruleTests, runRule } from './test-helpers';

ruleTests(buildToolsInFinal, {
  valid: {
    'apk on a Debian image is not there (the build stops): nothing it names ships': df`
      FROM python:3.12-slim
      RUN apk add --no-cache gcc
    `,
    'apt-get install -s only simulates': df`
      FROM debian:bookworm-slim
      RUN apt-get update && apt-get install -s gcc && rm -rf /var/lib/apt/lists/*
    `,
    'compilers only in the build stage': df`
      FROM python:3.12-slim AS build
      RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*
      RUN pip install --no-cache-dir --prefix=/install psycopg2
      FROM python:3.12-slim
      COPY --from=build /install /usr/local
    `,
    'removed again in a later RUN: no longer in the final package list (cleanup-in-later-layer reports the waste)': df`
      FROM alpine:3.22
      RUN apk add --no-cache gcc make
      RUN apk del gcc make
    `,
    'apk virtual build group removed in the same RUN': df`
      FROM python:3.12-alpine
      RUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install --no-cache-dir cffi && apk del .build-deps
    `,
    'apt-get autoremove --purge NAMES in the same RUN removes the named tools': df`
      FROM python:3.10-slim-bookworm
      RUN apt-get update -qq && apt-get install -yqq --no-install-recommends build-essential && pip install --no-cache-dir cffi && apt-get autoremove -yqq --purge build-essential && rm -rf /var/lib/apt/lists/*
    `,
    'runtime libraries are not build tools': df`
      FROM debian:bookworm-slim
      RUN apt-get update && apt-get install -y --no-install-recommends libpq5 ca-certificates && rm -rf /var/lib/apt/lists/*
    `,
  },
  invalid: {
    'a tool installed twice in one RUN (or in both branches of an if) is reported once': {
      dockerfile: df`
        FROM python:3.11-slim-bookworm
        RUN if [ "$EXTRA" = "true" ]; then apt-get update && \\
            apt-get install -y --no-install-recommends gcc python3-dev && rm -rf /var/lib/apt/lists/*; \\
          else apt-get update && \\
            apt-get install -y --no-install-recommends gcc curl && \\
            apt-get install -y --no-install-recommends gcc python3-dev && rm -rf /var/lib/apt/lists/*; fi
      `,
      lines: [3],
      message: /gcc, python3-dev ship in the final image/,
    },
    'a -dev package an earlier RUN installed is reported there only': {
      dockerfile: df`
        FROM alpine:3.22
        RUN apk add --no-cache zlib-dev
        RUN apk add --no-cache --virtual .build-deps zlib-dev gcc make && apk del .build-deps
      `,
      lines: [2],
    },
    'gcc and a -dev package installed in the final image': {
      dockerfile: df`
        FROM python:3.12-slim
        RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*
        RUN pip install --no-cache-dir psycopg2
      `,
      lines: [2],
      message:
        /gcc, libpq-dev ship in the final image: with the \d+ packages they pulled in, \d+ MB of this layer/,
    },
    'build-base on Alpine without apk del': {
      dockerfile: df`
        FROM python:3.12-alpine
        RUN apk add --no-cache build-base
      `,
      lines: [2],
      message: /build-base ships/,
    },
    'make and gcc from apk, kept': {
      dockerfile: df`
        FROM alpine:3.22
        RUN apk add --no-cache make gcc
        CMD ["sh"]
      `,
      lines: [2],
    },
  },
});

describe('build-tools-in-final: the saving is the part of the layer the toolchain made', () => {
  const layerOf = (dockerfile: string) =>
    buildModel({ dockerfile }).layers.find((l) => l.step.range.start.line === 1);

  it('a RUN that installs only the toolchain: the whole layer, as the chart shows it', () => {
    const dockerfile = df`
      FROM python:3.11-slim-bookworm
      RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*
    `;
    const [hit] = runRule(buildToolsInFinal, dockerfile);
    expect(hit.savedBytes).toBe(layerOf(dockerfile)?.sizeBytes);
  });

  it('a RUN that also installs a runtime package: only the toolchain’s install', () => {
    const dockerfile = df`
      FROM python:3.11-slim-bookworm
      RUN apt-get update && apt-get install -y --no-install-recommends curl && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*
    `;
    const [hit] = runRule(buildToolsInFinal, dockerfile);
    const gcc = layerOf(dockerfile)?.items.find((i) => i.label.startsWith('apt-get install gcc'));
    expect(gcc).toBeDefined();
    expect(hit.savedBytes).toBe(gcc?.bytes);
  });
});

describe('build-tools-in-final savings of a mixed install', () => {
  it('counts only what the tools need beyond the runtime packages installed with them', () => {
    const install = (names: string) =>
      df`
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y --no-install-recommends ${names} && rm -rf /var/lib/apt/lists/*
      `;
    const [hit] = runRule(buildToolsInFinal, install('gcc ffmpeg'));
    const layerOf = (names: string) =>
      buildModel({ dockerfile: install(names) }).target.runs[0].layer!;
    const toolsShare = layerOf('gcc ffmpeg').sizeBytes - layerOf('ffmpeg').sizeBytes;
    expect(hit.savedBytes).toBeGreaterThan(0);
    expect(Math.abs(hit.savedBytes! - toolsShare)).toBeLessThan(0.02 * toolsShare);
  });

  it('gives no figure when what the other packages need is not known', () => {
    const [hit] = runRule(
      buildToolsInFinal,
      df`
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y --no-install-recommends gcc not-a-real-package-xyz && rm -rf /var/lib/apt/lists/*
      `,
    );
    expect(hit.savedBytes).toBeUndefined();
    expect(hit.message).toMatch(/^gcc ships in the final image\. Build/);
  });
});
