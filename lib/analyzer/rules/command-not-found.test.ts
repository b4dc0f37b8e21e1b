import { commandNotFound } from './command-not-found';
import { describe, expect, it } from 'vitest';
import { createAnalyzerCache } from '../cache';
import { staticBaseIndex } from '../../sizes/base-index-static';
import { df, ruleTests, runRule } from './test-helpers';

ruleTests(commandNotFound, {
  valid: {
    'after a ; the shell goes on, and the RUN ends with what follows (exit 0 here)': df`
      FROM debian:bookworm-slim
      RUN apk add --no-cache curl; echo done
    `,
    'apk add on Alpine': df`
      FROM alpine:3.22
      RUN apk add --no-cache curl
    `,
    'apt-get on Debian': df`
      FROM debian:bookworm-slim
      RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
    `,
    'pip after python3-pip is installed in the same stage': df`
      FROM debian:bookworm-slim
      RUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf /var/lib/apt/lists/*
      RUN pip install --break-system-packages flask
    `,
    'pip in a python image': df`
      FROM python:3.12-slim
      RUN pip install --no-cache-dir flask
    `,
    'pip after Python was copied in from another image (not followed)': df`
      FROM debian:trixie-slim
      COPY --from=python:3.12-slim /usr/local /usr/local
      RUN pip install --no-cache-dir flask
    `,
    'a RUN that checks for the program first': df`
      FROM alpine:3.22
      RUN if command -v apt-get; then apt-get update; else apk add --no-cache curl; fi
    `,
    'an exec-form RUN names its own program (no shell needed)': df`
      FROM gcr.io/distroless/static-debian12
      RUN ["/app", "--self-test"]
    `,
    'a shell copied in from another image first (not followed)': df`
      FROM gcr.io/distroless/static-debian12
      COPY --from=busybox:1.38 /bin/busybox /bin/sh
      RUN echo ok
    `,
    'npm in a node image': df`
      FROM node:22-bookworm-slim
      RUN npm ci --omit=dev
    `,
    "npm after Debian's nodejs and npm are installed in an earlier RUN": df`
      FROM debian:bookworm-slim
      RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
      RUN npm ci --omit=dev
    `,
    "npm after Alpine's nodejs and npm packages": df`
      FROM alpine:3.22
      RUN apk add --no-cache nodejs npm && npm ci --omit=dev
    `,
    'npm after the Node.js release archive was downloaded and unpacked': df`
      FROM debian:bookworm-slim
      RUN curl -fsSLO https://nodejs.org/dist/v22.12.0/node-v22.12.0-linux-x64.tar.xz \\
       && tar -xJf node-v22.12.0-linux-x64.tar.xz -C /usr/local --strip-components=1 \\
       && npm ci --omit=dev
    `,
    'node copied in from another image first (not followed)': df`
      FROM debian:bookworm-slim
      COPY --from=node:22-bookworm-slim /usr/local /usr/local
      RUN npm ci --omit=dev
    `,
    'a base image the tables do not know': df`
      FROM example.com/team/base:1
      RUN apt-get update && apt-get install -y curl
    `,
  },
  invalid: {
    'the missing program ends the RUN: its && chain is the last statement': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN echo start; apk add --no-cache curl && echo done
      `,
      lines: [2],
    },
    'apt-get on Alpine': {
      dockerfile: df`
        FROM python:3.12-alpine3.23
        RUN apt-get update && apt-get install -y --no-install-recommends curl
      `,
      lines: [2],
      message: /apt-get is not in this Alpine image.*apk add/,
    },
    'apk on Debian': {
      dockerfile: df`
        FROM node:22-bookworm-slim
        RUN apk add --no-cache curl
      `,
      lines: [2],
      message: /apk is not in this Debian image/,
    },
    'a shell-form RUN on distroless, which has no shell': {
      dockerfile: df`
        FROM gcr.io/distroless/python3-debian12
        RUN pip install flask
      `,
      lines: [2],
      message: /has no shell/,
    },
    'pip where nothing installed Python': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN pip install --no-cache-dir flask
      `,
      lines: [2],
      message: /nothing installed Python/,
    },
    'npm where nothing installed Node.js (a Python image)': {
      dockerfile: df`
        FROM python:3.12-slim
        RUN npm ci --omit=dev
      `,
      lines: [2],
      message: /npm runs where nothing installed Node\.js.*FROM a node image/,
    },
    'yarn on plain Alpine': {
      dockerfile: df`
        FROM alpine:3.22
        RUN apk add --no-cache curl && yarn install --frozen-lockfile
      `,
      lines: [2],
      message: /yarn runs where nothing installed Node\.js/,
    },
  },
});

describe('command-not-found with the official-tag index', () => {
  const cache = () => createAnalyzerCache({ baseIndex: staticBaseIndex() });

  it("says nothing about runtimes of a build whose package list is another image's", () => {
    // ghost:6-alpine is measured by repo-info, but its package list is plain Alpine's: the
    // image has Node.js all the same, so neither npm nor pip may be called missing.
    const hits = runRule(
      commandNotFound,
      'FROM ghost:6-alpine\nRUN npm install -g ghost-cli\nRUN pip install x\n',
      cache(),
    );
    expect(hits).toEqual([]);
  });

  it('still says apt-get is missing on that build (its OS is its own)', () => {
    const hits = runRule(
      commandNotFound,
      'FROM ghost:6-alpine\nRUN apt-get update && apt-get install -y curl\n',
      cache(),
    );
    expect(hits.map((h) => h.range.start.line)).toEqual([1]);
  });
});
