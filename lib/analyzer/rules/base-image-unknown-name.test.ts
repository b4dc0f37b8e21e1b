import { describe, expect, it } from 'vitest';
import { baseImageUnknownName, likelyMeant } from './base-image-unknown-name';
import { createAnalyzerCache } from '../cache';
import { staticBaseIndex } from '../../sizes/base-index-static';
import { RETIRED_OFFICIAL_IMAGES } from '../../sizes/retired-official-images';
import { buildModel } from '../model';
import { estimateSize } from '../size-estimate';
import { df, runRule, ruleTests } from './test-helpers';

const cache = () => createAnalyzerCache({ baseIndex: staticBaseIndex() });

ruleTests(
  baseImageUnknownName,
  {
    valid: {
      'an official image': 'FROM python:3.12-slim\n',
      'a name with a namespace is not an official image': 'FROM pyhton/python:3.12\n',
      'a name with a registry': 'FROM ghcr.io/pyhton:3.12\n',
      scratch: 'FROM scratch\n',
      'an image that official-images retired (mono, centos, java)':
        'FROM mono:6.12\nFROM centos:7\nFROM java:8\n',
      'a local name far from every official image': 'FROM my-company-runtime:1.4\n',
      'a short word of its own one letter from an official name (base, bash)': 'FROM base\n',
      'two official names as near, mono and mongo (none is a guess)': 'FROM monoo:6\n',
      'a FROM built from an ARG': df`
        ARG IMAGE=pyhton
        FROM \${IMAGE}:3.12
      `,
      'a stage name': df`
        FROM python:3.12-slim AS pyhton
        FROM pyhton
      `,
    },
    invalid: {
      'pyhton: no official image, python is one swap away': {
        dockerfile: df`
          FROM pyhton:3.12-slim
          RUN pip install flask
        `,
        lines: [1],
        message: /No official image is called pyhton; did you mean python\?/,
        fixed: df`
          FROM python:3.12-slim
          RUN pip install flask
        `,
      },
      'ngnix, with a platform flag and a stage name': {
        dockerfile: df`
          FROM --platform=linux/amd64 ngnix:1.27-alpine AS web
          COPY site /usr/share/nginx/html
        `,
        lines: [1],
        fixed: df`
          FROM --platform=linux/amd64 nginx:1.27-alpine AS web
          COPY site /usr/share/nginx/html
        `,
      },
      'a version glued to the name (python3): two edits, and python is its start': {
        dockerfile: 'FROM python3:3.12\n',
        lines: [1],
        fixed: 'FROM python:3.12\n',
      },
      'a digest kept': {
        dockerfile: 'FROM postgress@sha256:0123456789abcdef\n',
        lines: [1],
        fixed: 'FROM postgres@sha256:0123456789abcdef\n',
      },
    },
  },
  { cache },
);

describe('base-image-unknown-name without the tag index', () => {
  it('stays silent: the full list of official images is not known', () => {
    expect(runRule(baseImageUnknownName, 'FROM pyhton:3.12-slim\n')).toEqual([]);
  });
});

describe('likelyMeant', () => {
  const official = Object.keys(staticBaseIndex().data.images);
  it.each([
    ['pyhton', 'python'],
    ['debain', 'debian'],
    ['nodee', 'node'],
    ['mariadb10', 'mariadb'],
    ['worker', undefined],
    ['base', undefined],
    ['monoo', undefined],
  ] as const)('%s → %s', (name, meant) => {
    expect(likelyMeant(name, official)).toBe(meant);
  });

  it('no retired name is also in the index', () => {
    for (const n of RETIRED_OFFICIAL_IMAGES) expect(official).not.toContain(n);
  });
});

describe('the estimate of an unknown base name', () => {
  it('says it does not know the base (low confidence, the base listed as unknown)', () => {
    const model = buildModel({ dockerfile: 'FROM pyhton:3.12-slim\n' }, cache());
    const size = estimateSize(model);
    expect(size.confidence).toBe('low');
    expect(
      size.unknowns.some((u) => u.kind === 'base-image' && u.name === 'pyhton:3.12-slim'),
    ).toBe(true);
  });
});
