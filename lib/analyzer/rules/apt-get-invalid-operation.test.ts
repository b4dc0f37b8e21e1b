import { aptGetInvalidOperation } from './apt-get-invalid-operation';
import { aptListsMissing } from './apt-lists-missing';
import { buildModel } from '../model';
import { df, ruleTests } from './test-helpers';
import { describe, expect, it } from 'vitest';

ruleTests(aptGetInvalidOperation, {
  valid: {
    'update and install are operations': df`
      FROM debian:bookworm-slim
      RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
    `,
    'the hidden and compat operations of apt-get.cc are operations too': df`
      FROM debian:bookworm-slim
      RUN apt-get update && apt-get full-upgrade -y && apt-get auto-remove -y && apt-get autopurge -y \\
        && apt-get markauto curl; apt-get unmarkauto curl; apt-get indextargets; apt-get moo; apt-get auto-clean \\
        && apt-get dselect-upgrade && apt-get check && apt-get satisfy -y "curl (>= 7)" && apt-get autoclean
    `,
    'a typo inside an if does not stop the RUN for certain': df`
      FROM debian:bookworm-slim
      RUN if [ -x /usr/bin/apt-get ]; then apt-get updat; fi && apt-get update && apt-get install -y curl
    `,
    'a typo guarded by || true': df`
      FROM debian:bookworm-slim
      RUN apt-get updat || true
    `,
    'after a ; without set -e the RUN goes on (apt-lists-missing reports the install)': df`
      FROM debian:bookworm-slim
      RUN apt-get updat; apt-get install -y curl
    `,
    'an && chain followed by ; is skipped, and the RUN goes on': df`
      FROM debian:bookworm-slim
      RUN apt-get updat && apt-get install -y curl; echo done
    `,
    'under set -e an && chain that is not last is exempt from errexit': df`
      FROM debian:bookworm-slim
      RUN set -e; apt-get updat && apt-get install -y curl; echo done
    `,
    'a word from a variable is not judged': df`
      FROM debian:bookworm-slim
      ARG OP
      RUN apt-get $OP
    `,
    'an option the table does not know could take the next word': df`
      FROM debian:bookworm-slim
      RUN apt-get --frobnicate updat
    `,
    'help and version print and exit 0': df`
      FROM debian:bookworm-slim
      RUN apt-get --help foo && apt-get -v
    `,
    'apt (not apt-get) has its own operations': df`
      FROM debian:bookworm-slim
      RUN apt update && apt list --installed
    `,
  },
  invalid: {
    'apt-get updat && ...: "E: Invalid operation updat" stops the RUN': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN apt-get updat && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
      `,
      lines: [2],
      message: /Invalid operation updat.*Write apt-get update/,
      fixed: df`
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
      `,
    },
    'the last command of the RUN': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN apt-get update; apt-get install -y curl; apt-get clena
      `,
      lines: [2],
      fixed: df`
        FROM debian:bookworm-slim
        RUN apt-get update; apt-get install -y curl; apt-get clean
      `,
    },
    'set -eux makes a statement of its own stop the RUN': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN set -eux; \\
            apt-get -qq upadte; \\
            apt-get install -y curl
      `,
      lines: [3],
      fixed: df`
        FROM debian:bookworm-slim
        RUN set -eux; \\
            apt-get -qq update; \\
            apt-get install -y curl
      `,
    },
    'a word far from every operation gets no fix': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN apt-get fetch-everything
      `,
      lines: [2],
      message: /Use one of its operations/,
    },
    'an exec-form RUN is the one command': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN ["apt-get", "instal", "-y", "curl"]
      `,
      lines: [2],
    },
    'an option typed with an en dash is read as the operation (phusion/baseimage-docker#251)': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN apt-get –y update && apt-get install –y fortunes
      `,
      lines: [2],
      message: /not a hyphen.*Invalid operation –y/,
      fixed: df`
        FROM debian:bookworm-slim
        RUN apt-get -y update && apt-get install –y fortunes
      `,
    },
    'an operation left out: apt-get -y ssh (REBELinBLUE/deployer#403)': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get -y ssh && rm -rf /var/lib/apt/lists/*
      `,
      lines: [2],
      message: /Invalid operation ssh/,
    },
    'names are compared as written: Update is not update': {
      dockerfile: df`
        FROM ubuntu:24.04
        RUN apt-get Update && apt-get install -y curl
      `,
      lines: [2],
      fixed: df`
        FROM ubuntu:24.04
        RUN apt-get update && apt-get install -y curl
      `,
    },
  },
});

describe('one cause, one finding', () => {
  it('the install after a failed apt-get updat is not also apt-lists-missing', () => {
    const model = buildModel({
      dockerfile: 'FROM debian:bookworm-slim\nRUN apt-get updat && apt-get install -y curl\n',
    });
    expect(aptListsMissing.check(model)).toEqual([]);
    expect(aptGetInvalidOperation.check(model)).toHaveLength(1);
    expect(model.stages[0].runs[0].commands.map((c) => c.args[0])).toEqual(['updat']);
  });

  it('the install of a skipped && chain is not run (nor sized)', () => {
    const model = buildModel({
      dockerfile:
        'FROM debian:bookworm-slim\nRUN apt-get updat && apt-get install -y curl; echo ok\n',
    });
    expect(aptListsMissing.check(model)).toEqual([]);
    expect(model.stages[0].runs[0].commands.map((c) => c.name)).toEqual(['apt-get', 'echo']);
    expect(model.stages[0].packages.has('curl')).toBe(false);
  });

  it('after a ; the install runs and fails, and its finding names the typo', () => {
    const model = buildModel({
      dockerfile: 'FROM debian:bookworm-slim\nRUN apt-get updat; apt-get install -y curl\n',
    });
    const [hit] = aptListsMissing.check(model);
    expect(hit.message).toMatch(/apt-get updat` before it is not an apt-get operation/);
  });
});
