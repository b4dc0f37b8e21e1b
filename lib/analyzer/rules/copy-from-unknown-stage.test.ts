import { describe, expect, it } from 'vitest';
import { copyFromUnknownStage } from './copy-from-unknown-stage';
import { createAnalyzerCache } from '../cache';
import { staticBaseIndex } from '../../sizes/base-index-static';
import { buildModel } from '../model';
import { estimateSize } from '../size-estimate';
import { df, runRule, ruleTests } from './test-helpers';

const cache = () => createAnalyzerCache({ baseIndex: staticBaseIndex() });

const valid = {
  'the stage exists': df`
    FROM golang:1.26-alpine3.23 AS builder
    RUN go version
    FROM alpine:3.23
    COPY --from=builder /go/bin /usr/local/bin
  `,
  'stage names are read in any case': df`
    FROM golang:1.26-alpine3.23 AS Builder
    FROM alpine:3.23
    COPY --from=BUILDER /go/bin /usr/local/bin
  `,
  'a stage defined later (BuildKit resolves names before building)': df`
    FROM alpine:3.23
    COPY --from=assets /out /srv
    FROM node:22-alpine AS assets
  `,
  'a numeric index that exists': df`
    FROM golang:1.26-alpine3.23
    FROM alpine:3.23
    COPY --from=0 /go/bin /usr/local/bin
  `,
  'image references with a namespace, tag or digest': df`
    FROM alpine:3.23
    COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /bin/uv
    COPY --from=tonistiigi/xx / /
    COPY --from=busybox:1.37 /bin/busybox /bin/
    COPY --from=alpine@sha256:0123456789abcdef /etc/os-release /tmp/
  `,
  'an official image by its bare name': df`
    FROM php:8.3-cli
    COPY --from=composer /usr/bin/composer /usr/bin/composer
  `,
  'a value from a variable': df`
    ARG FROM_STAGE=builder
    FROM alpine:3.23
    COPY --from=$FROM_STAGE /x /y
  `,
};

const invalid = {
  'builder, where the stage is called build': {
    dockerfile: df`
      FROM golang:1.26-alpine3.23 AS build
      RUN CGO_ENABLED=0 go build -o /out/app .
      FROM gcr.io/distroless/static-debian12
      COPY --from=builder /out/app /app
    `,
    lines: [4],
    message: /No stage is called "builder"; this file's stages are "build".*Write --from=build\./,
    fixed: df`
      FROM golang:1.26-alpine3.23 AS build
      RUN CGO_ENABLED=0 go build -o /out/app .
      FROM gcr.io/distroless/static-debian12
      COPY --from=build /out/app /app
    `,
  },
  'a typo of a stage, with --chown before it': {
    dockerfile: df`
      FROM node:22-alpine AS deps
      FROM node:22-alpine
      COPY --chown=node:node --from=dpes /app/node_modules ./node_modules
    `,
    lines: [3],
    fixed: df`
      FROM node:22-alpine AS deps
      FROM node:22-alpine
      COPY --chown=node:node --from=deps /app/node_modules ./node_modules
    `,
  },
};

ruleTests(copyFromUnknownStage, { valid, invalid }, { cache });
ruleTests(copyFromUnknownStage, { valid, invalid });

describe('copy-from-unknown-stage with the tag index', () => {
  it('reports a name far from every stage and image, without a fix', () => {
    const hits = runRule(
      copyFromUnknownStage,
      'FROM golang:1.26-alpine3.23\nFROM alpine:3.23\nCOPY --from=compiler /out /out\n',
      cache(),
    );
    expect(hits).toHaveLength(1);
    expect(hits[0].message).toMatch(/no stage of this file has a name/);
    expect(hits[0].fix).toBeUndefined();
  });

  it('without the index, a name far from every stage may be an official image: silent', () => {
    expect(
      runRule(copyFromUnknownStage, 'FROM alpine:3.23\nCOPY --from=compiler /out /out\n'),
    ).toEqual([]);
  });

  it('the size estimate of such a copy is unsure, not a confident 0', () => {
    const model = buildModel({
      dockerfile:
        'FROM golang:1.26-alpine3.23 AS build\nFROM alpine:3.23\nCOPY --from=builder /out/app /app\n',
    });
    const size = estimateSize(model);
    expect(size.confidence).toBe('low');
    expect(size.sizeRange[1]).toBeGreaterThan(size.bytes);
    expect(size.unknowns.some((u) => u.name === 'builder:/out/app')).toBe(true);
  });
});
