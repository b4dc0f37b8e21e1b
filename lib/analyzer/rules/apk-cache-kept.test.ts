import { apkCacheKept } from './apk-cache-kept';
import { df, ruleTests } from './test-helpers';

ruleTests(apkCacheKept, {
  valid: {
    'apk add --no-network installs from what is there and fetches no index': df`
      FROM alpine:3.22
      RUN apk add --no-cache --virtual .build-deps gcc \\
       && apk add --no-network --virtual .rundeps musl \\
       && apk del --no-network .build-deps
    `,
    'apk add --no-cache': df`
      FROM alpine:3.22
      RUN apk add --no-cache curl
    `,
    'removes /var/cache/apk in the same RUN': df`
      FROM alpine:3.22
      RUN apk update && apk add curl && rm -rf /var/cache/apk/*
    `,
    'cache mount on /var/cache/apk': df`
      FROM alpine:3.22
      RUN --mount=type=cache,target=/var/cache/apk apk add curl
    `,
    'only in a builder stage': df`
      FROM alpine:3.22 AS build
      RUN apk update && apk add build-base
      RUN mkdir /out && echo ok > /out/ok
      FROM alpine:3.22
      COPY --from=build /out /out
    `,
  },
  invalid: {
    'apk add without --no-cache': {
      dockerfile: df`
        FROM alpine:3.22
        RUN apk add curl
      `,
      lines: [2],
      fixed: df`
        FROM alpine:3.22
        RUN apk add --no-cache curl
      `,
    },
    'apk update keeps the index even when add uses --no-cache (no fix: drop the update)': {
      dockerfile: df`
        FROM python:3.12-alpine
        RUN apk update && apk add --no-cache gcc musl-dev
      `,
      lines: [2],
      message: /Drop it/,
    },
    'apk update && apk add without --no-cache: both keep the index': {
      dockerfile: df`
        FROM alpine:3.22
        RUN apk update && apk add python3 py3-pip
        RUN apk del py3-pip
      `,
      lines: [2, 2],
      fixed: df`
        FROM alpine:3.22
        RUN apk update && apk add --no-cache python3 py3-pip
        RUN apk del py3-pip
      `,
    },
  },
});
