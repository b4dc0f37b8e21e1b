import { aptInstallRecommends } from './apt-install-recommends';
import { df, ruleTests, runRule } from './test-helpers';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../model';

ruleTests(aptInstallRecommends, {
  valid: {
    'apt-get on Alpine is not there (the build stops): it installs nothing': df`
      FROM node:20-alpine
      RUN apt-get update && apt-get install -y python3
    `,
    'a simulation (-s) installs nothing': df`
      FROM debian:trixie-slim
      RUN apt-get update && if apt-get install -s postgresql-18-jit > /dev/null 2>&1; then apt-get install -y --no-install-recommends postgresql-18-jit; fi && rm -rf /var/lib/apt/lists/*
    `,
    'the install and all it recommended are purged again in the same RUN': df`
      FROM python:3.12-slim-bookworm
      RUN apt-get update -qq && apt-get install -yqq build-essential && pip install --no-cache-dir cffi && apt-get autoremove -yqq --purge build-essential && rm -rf /var/lib/apt/lists/*
    `,
    'uses --no-install-recommends': df`
      FROM debian:bookworm-slim
      RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
    `,
    'turns Recommends off with -o APT::Install-Recommends=false': df`
      FROM debian:bookworm-slim
      RUN apt-get update && apt-get install -y -o APT::Install-Recommends=false curl && rm -rf /var/lib/apt/lists/*
    `,
    'an earlier RUN writes an apt config that turns Recommends off': df`
      FROM debian:bookworm-slim
      RUN echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/99norecommends
      RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
    `,
    'installs only in a builder stage': df`
      FROM debian:bookworm-slim AS build
      RUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*
      RUN echo 'int main(){return 0;}' > /m.c && gcc -o /m /m.c
      FROM gcr.io/distroless/cc-debian12:nonroot
      COPY --from=build /m /m
      CMD ["/m"]
    `,
    'apt-get install -f names no packages': df`
      FROM debian:bookworm-slim
      RUN apt-get update && apt-get install -f -y && rm -rf /var/lib/apt/lists/*
    `,
  },
  invalid: {
    'purged only in a later RUN: the recommended packages still ship in the first layer': {
      dockerfile: df`
        FROM python:3.12-slim-bookworm
        RUN apt-get update -qq && apt-get install -yqq build-essential && rm -rf /var/lib/apt/lists/*
        RUN apt-get autoremove -yqq --purge build-essential
      `,
      lines: [2],
      message: /Recommended packages add [\d.]+ MB here/,
      fixed: df`
        FROM python:3.12-slim-bookworm
        RUN apt-get update -qq && apt-get install --no-install-recommends -yqq build-essential && rm -rf /var/lib/apt/lists/*
        RUN apt-get autoremove -yqq --purge build-essential
      `,
    },
    'installs recommended packages too': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
      `,
      lines: [2],
      fixed: df`
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*
      `,
    },
    'each install command without the flag is reported, across continuation lines': {
      dockerfile: df`
        FROM ubuntu:22.04
        RUN apt-get update \\
         && apt-get install -y python3 \\
         && DEBIAN_FRONTEND=noninteractive apt-get install -y \\
              curl \\
         && rm -rf /var/lib/apt/lists/*
      `,
      lines: [3, 4],
      fixed: df`
        FROM ubuntu:22.04
        RUN apt-get update \\
         && apt-get install --no-install-recommends -y python3 \\
         && DEBIAN_FRONTEND=noninteractive apt-get install --no-install-recommends -y \\
              curl \\
         && rm -rf /var/lib/apt/lists/*
      `,
    },
    'sudo apt install is found too': {
      dockerfile: df`
        FROM ubuntu:22.04
        RUN sudo apt install -y curl
      `,
      lines: [2],
      fixed: df`
        FROM ubuntu:22.04
        RUN sudo apt install --no-install-recommends -y curl
      `,
    },
  },
});

describe('apt-install-recommends savings', () => {
  it('credits each install with its own Recommends: together no more than the layer holds', () => {
    const dockerfile = df`
      FROM ubuntu:24.04
      RUN apt-get update \\
        && apt-get install -y curl git \\
        && apt-get install -y python3 \\
        && rm -rf /var/lib/apt/lists/*
    `;
    const hits = runRule(aptInstallRecommends, dockerfile);
    expect(hits).toHaveLength(2);
    const layer = buildModel({ dockerfile }).target.runs[0].layer!;
    const total = hits.reduce((n, h) => n + (h.savedBytes ?? 0), 0);
    expect(layer.recommendsBytes).toBeGreaterThan(0);
    expect(total).toBe(layer.recommendsBytes);
  });
});
