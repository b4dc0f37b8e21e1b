import { describe, expect, it } from 'vitest';
import { eolBaseImage } from './eol-base-image';
import { df, ruleTests } from './test-helpers';
import { EOL_AS_OF, baseImageReleases, eolRelease } from '../../sizes/eol';

ruleTests(eolBaseImage, {
  valid: {
    'a supported release': df`
      FROM python:3.12-slim-bookworm
    `,
    'a moving tag names no release': df`
      FROM python:3-slim
    `,
    'the end-of-life image is only a build stage': df`
      FROM ubuntu:20.04 AS build
      RUN echo build > /out
      FROM alpine:3.22
      COPY --from=build /out /out
    `,
    'an ARG without a default is not guessed at': df`
      ARG BASE
      FROM \${BASE}
    `,
    'a supported distroless release': df`
      FROM gcr.io/distroless/python3-debian12
    `,
    'an Early Access openjdk tag is still updated': df`
      FROM openjdk:27-ea-jdk-slim-trixie
    `,
  },
  invalid: {
    'Debian buster in the tag': {
      dockerfile: df`
        FROM python:3.12-slim-buster
      `,
      lines: [1],
      message: /Debian 10 \(buster\) \(end of life 2024-06-30\).*Debian 12 \(bookworm\)/,
    },
    'python:2 reached end of life in 2020': {
      dockerfile: df`
        FROM python:2.7-slim
      `,
      lines: [1],
      message: /Python 2\.7 \(end of life 2020-01-01\)/,
    },
    'node:14 and its release line': {
      dockerfile: df`
        FROM node:14-alpine
        CMD ["node", "server.js"]
      `,
      lines: [1],
      message: /Node\.js 14 \(fermium\).*such as Node\.js 22/,
    },
    'node:16 was built on buster, which the measured record knows': {
      dockerfile: df`
        FROM node:16
      `,
      lines: [1],
      message: /Node\.js 16 .* and Debian 10 \(buster\)/,
    },
    'ubuntu 20.04 left standard support in 2025': {
      dockerfile: df`
        FROM ubuntu:20.04
      `,
      lines: [1],
      message: /Ubuntu 20\.04 \(focal\)/,
    },
    'alpine 3.17 in a final stage FROM a builder chain': {
      dockerfile: df`
        FROM alpine:3.17 AS base
        FROM base
        RUN echo hi
      `,
      lines: [1],
      message: /Alpine 3\.17/,
    },
    '.NET 8 left support on 2026-11-10': {
      dockerfile: df`
        FROM mcr.microsoft.com/dotnet/aspnet:8.0
      `,
      lines: [1],
      message: /\.NET 8\.0 \(end of life 2026-11-10\).*\.NET 10\.0/,
    },
    'an ARG default is what builds': {
      dockerfile: df`
        ARG BASE=node:14
        FROM \${BASE}
      `,
      lines: [2],
      message: /Node\.js 14/,
    },
    'openjdk:8-jdk-alpine: the deprecated image, and the Alpine 3.8 it was built on': {
      dockerfile: df`
        FROM openjdk:8-jdk-alpine
        COPY app.jar /app.jar
        ENTRYPOINT ["java", "-jar", "/app.jar"]
      `,
      lines: [1],
      message:
        /deprecated openjdk image's Java 8 \(end of life 2022-07-31\) and Alpine 3\.8 \(end of life 2020-05-01\).*eclipse-temurin/,
    },
    'openjdk:11-jre-slim: a GA tag of the deprecated image': {
      dockerfile: df`
        FROM openjdk:11-jre-slim
      `,
      lines: [1],
      message: /deprecated openjdk image's Java 11/,
    },
    'a distroless image of Debian 11': {
      dockerfile: df`
        FROM gcr.io/distroless/static-debian11
      `,
      lines: [1],
      message: /Debian 11 \(bullseye\)/,
    },
  },
});

describe('baseImageReleases', () => {
  it('reads every release a tag names, once each', () => {
    const labels = baseImageReleases('node:16-buster-slim').map((r) => r.label);
    expect(labels).toEqual(['Node.js 16 (gallium)', 'Debian 10 (buster)']);
  });

  it('knows stretch and jessie by codename in any repository', () => {
    expect(baseImageReleases('ruby:2.5-stretch').map((r) => r.product)).toEqual(['debian']);
    expect(baseImageReleases('php:7.1-apache-jessie')[0].isEol).toBe(true);
  });

  it('openjdk GA tags are end of life, its -ea and -rc tags are not', () => {
    const products = (ref: string) => baseImageReleases(ref).map((r) => r.product);
    expect(products('openjdk:8u191-jdk-alpine3.8')).toContain('openjdk');
    expect(products('openjdk:17-jdk-slim')).toEqual(['openjdk']);
    expect(products('openjdk:27-ea-jdk')).toEqual([]);
    expect(products('openjdk:27-rc-jdk-trixie')).toEqual(['debian']);
    expect(eolRelease('alpine', '3.8')?.isEol).toBe(true);
  });

  it('judges at the table date, not today', () => {
    expect(EOL_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(eolRelease('debian', 'bookworm')?.isEol).toBe(false);
    expect(eolRelease('node', '20')?.isEol).toBe(EOL_AS_OF >= '2026-04-30');
  });
});
