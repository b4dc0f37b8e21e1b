import { aptListsNotRemoved } from './apt-lists-not-removed';
import { df, ruleTests } from './test-helpers';

ruleTests(aptListsNotRemoved, {
  valid: {
    'apt-get on Alpine is not there (the build stops): it leaves no lists': df`
      FROM node:20-alpine
      RUN apt-get update && apt-get install -y python3
    `,
    'cleans up in the same RUN': df`
      FROM debian:bookworm-slim
      RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
    `,
    'apt-get dist-clean removes the lists (trixie: apt 2.9)': df`
      FROM debian:trixie-slim
      RUN apt-get update && apt-get install -y --no-install-recommends curl && apt-get dist-clean
    `,
    'cache mount on /var/lib/apt/lists': df`
      FROM debian:bookworm-slim
      RUN --mount=type=cache,target=/var/lib/apt/lists --mount=type=cache,target=/var/cache/apt \\
          apt-get update && apt-get install -y --no-install-recommends curl
    `,
    'lists exist only in a builder stage': df`
      FROM debian:bookworm-slim AS build
      RUN apt-get update && apt-get install -y --no-install-recommends gcc
      RUN echo 'int main(){return 0;}' > /m.c && gcc -o /m /m.c
      FROM debian:bookworm-slim
      COPY --from=build /m /m
      CMD ["/m"]
    `,
    'no apt-get update at all': df`
      FROM debian:bookworm-slim
      RUN echo hello
    `,
  },
  invalid: {
    'update alone, installs in the RUNs after it: the fix merges them (deleting in the update RUN would break the installs)':
      {
        dockerfile: df`
        FROM python:3.11-slim-bookworm
        RUN apt-get update
        RUN apt-get install -y --no-install-recommends libpq5
        RUN apt-get install -y --no-install-recommends curl
        RUN rm -rf /var/lib/apt/lists/*
      `,
        lines: [2],
        fixed: df`
        FROM python:3.11-slim-bookworm
        RUN apt-get update \\
         && apt-get install -y --no-install-recommends libpq5 \\
         && apt-get install -y --no-install-recommends curl \\
         && rm -rf /var/lib/apt/lists/*
        RUN rm -rf /var/lib/apt/lists/*
      `,
      },
    'update alone with an install after a COPY: no safe fix is offered': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN apt-get update
        COPY x /x
        RUN apt-get install -y --no-install-recommends curl
      `,
      lines: [2],
    },
    'cleans up in a later RUN (the earlier layer still ships)': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y --no-install-recommends curl
        RUN rm -rf /var/lib/apt/lists/*
      `,
      lines: [2],
      // The later RUN's cleanup-in-later-layer finding carries these bytes; counted once there.
      // Measured bookworm lists: 19,872,227 B (data/PACKAGE-SIZES.md).
      message: /leaves 19\.9 MB of package lists/,
      fixed: df`
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
        RUN rm -rf /var/lib/apt/lists/*
      `,
    },
    'apt-get clean alone keeps the lists (it only empties /var/cache/apt)': {
      dockerfile: df`
        FROM ubuntu:22.04
        RUN apt-get update \\
         && apt-get install -y --no-install-recommends curl \\
         && apt-get clean
      `,
      lines: [2],
      message: /rm -rf \/var\/lib\/apt\/lists/,
      fixed: df`
        FROM ubuntu:22.04
        RUN apt-get update \\
         && apt-get install -y --no-install-recommends curl \\
         && apt-get clean && rm -rf /var/lib/apt/lists/*
      `,
    },
    'a RUN ending in ; gets the cleanup without &&': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN set -eux; apt-get update; apt-get install -y --no-install-recommends curl;
      `,
      lines: [2],
      fixed: df`
        FROM debian:bookworm-slim
        RUN set -eux; apt-get update; apt-get install -y --no-install-recommends curl; rm -rf /var/lib/apt/lists/*
      `,
    },
    'apt update (the apt front end) also leaves lists': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN apt update && apt install -y --no-install-recommends curl
      `,
      lines: [2],
      fixed: df`
        FROM debian:bookworm-slim
        RUN apt update && apt install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
      `,
    },
    'exec-form RUN gets no fix': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN ["apt-get", "update"]
      `,
      lines: [2],
    },
  },
});
