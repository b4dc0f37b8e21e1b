import { unpinnedBaseTag } from './unpinned-base-tag';
import { df, ruleTests } from './test-helpers';

ruleTests(unpinnedBaseTag, {
  valid: {
    'a version tag': df`
      FROM python:3.12-slim
    `,
    'a digest pins even :latest': df`
      FROM alpine:latest@sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1
    `,
    'FROM another stage and FROM scratch': df`
      FROM golang:1.26 AS build
      FROM build AS test
      FROM scratch
    `,
    'distroless names carry their Debian release': df`
      FROM gcr.io/distroless/static-debian12
    `,
    'an ARG default that pins': df`
      ARG PY=3.12
      FROM python:\${PY}-slim
    `,
  },
  invalid: {
    'alpine publishes no -slim tags, so none is suggested': {
      dockerfile: df`
        FROM alpine:latest
      `,
      lines: [1],
      message: /for example alpine:<version>\)/,
    },
    'python does publish -slim tags': {
      dockerfile: df`
        FROM python
      `,
      lines: [1],
      message: /python:<version>-slim/,
    },
    'no tag means latest': {
      dockerfile: df`
        FROM ubuntu
      `,
      lines: [1],
      message: /no tag/,
    },
    'an explicit :latest, in a builder stage too': {
      dockerfile: df`
        FROM node:latest AS build
        FROM nginx:latest
      `,
      lines: [1, 2],
      message: /:latest/,
    },
    'the article distroless example names no release or tag': {
      dockerfile: df`
        FROM --platform=linux/amd64 gcr.io/distroless/python3
      `,
      lines: [1],
    },
  },
});
