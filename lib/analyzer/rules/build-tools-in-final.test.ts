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
    'build-base, then g++ and make again: reported once, where build-base brought them': {
      dockerfile: df`
        FROM node:22-alpine
        RUN apk add --no-cache --virtual builds-deps build-base python3 git
        RUN apk add --update python3 make g++ && rm -rf /var/cache/apk/*
        CMD ["node", "server.js"]
      `,
      lines: [2],
      message: /^build-base ships in the final image: with the \d+ packages it pulled in/,
    },
    'g++ and make first, then build-base: each install reports what it added': {
      dockerfile: df`
        FROM alpine:3.22
        RUN apk add --no-cache g++ make
        RUN apk add --no-cache build-base
        CMD ["sh"]
      `,
      lines: [2, 3],
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

describe('build-tools-in-final with an apk meta package', () => {
  const layerBytes = (dockerfile: string, line: number) =>
    buildModel({ dockerfile }).layers.find((l) => l.step.range.start.line === line)?.sizeBytes;

  it('counts g++ and make once: the second install adds nothing, and no second saving', () => {
    const both = df`
      FROM alpine:3.22
      RUN apk add --no-cache build-base
      RUN apk add --no-cache g++ make
    `;
    const alone = df`
      FROM alpine:3.22
      RUN apk add --no-cache build-base
    `;
    expect(layerBytes(both, 2)).toBe(0);
    const hits = runRule(buildToolsInFinal, both);
    expect(hits).toHaveLength(1);
    expect(hits[0].savedBytes).toBe(runRule(buildToolsInFinal, alone)[0].savedBytes);
  });

  it('one command naming build-base, g++ and make is one finding of one layer', () => {
    const dockerfile = df`
      FROM alpine:3.22
      RUN apk add --no-cache build-base g++ make
    `;
    const hits = runRule(buildToolsInFinal, dockerfile);
    expect(hits).toHaveLength(1);
    expect(hits[0].savedBytes).toBe(layerBytes(dockerfile, 1));
  });

  it('alpine-sdk pulls in build-base (aports main/alpine-sdk/APKBUILD): its layer holds gcc', () => {
    const sdk = buildModel({ dockerfile: 'FROM alpine:3.22\nRUN apk add --no-cache alpine-sdk\n' });
    const base = buildModel({
      dockerfile: 'FROM alpine:3.22\nRUN apk add --no-cache build-base\n',
    });
    expect(sdk.target.packages.has('gcc')).toBe(true);
    expect(sdk.target.packages.has('git')).toBe(true);
    expect(sdk.target.runs[0].layer!.sizeBytes).toBeGreaterThan(
      base.target.runs[0].layer!.sizeBytes,
    );
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

  it('apk: build-base with python3 saves what build-base adds, not python3 too', () => {
    const install = (names: string) => df`
      FROM alpine:3.22
      RUN apk add --no-cache ${names}
    `;
    const layerOf = (names: string) =>
      buildModel({ dockerfile: install(names) }).target.runs[0].layer!;
    const [hit] = runRule(buildToolsInFinal, install('build-base python3'));
    const toolsShare = layerOf('build-base python3').sizeBytes - layerOf('python3').sizeBytes;
    expect(hit.savedBytes).toBeGreaterThan(0);
    expect(hit.savedBytes).toBeLessThan(layerOf('build-base python3').sizeBytes);
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
