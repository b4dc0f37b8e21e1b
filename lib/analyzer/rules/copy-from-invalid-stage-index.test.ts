import { copyFromInvalidStageIndex } from './copy-from-invalid-stage-index';
import { df, ruleTests } from './test-helpers';

ruleTests(copyFromInvalidStageIndex, {
  valid: {
    'index 0 of two stages': df`
      FROM golang:1.26-alpine3.23
      FROM alpine:3.23
      COPY --from=0 /go/bin /usr/local/bin
    `,
    'the last index of three': df`
      FROM golang:1.26-alpine3.23
      FROM node:22-alpine
      FROM alpine:3.23
      COPY --from=2 /etc/os-release /tmp/
    `,
    'an image named by another --from takes the next index, so the count is open': df`
      FROM alpine:3.23
      COPY --from=busybox:1.37 /bin/busybox /bin/
      COPY --from=1 /bin/busybox /bin/busybox2
    `,
    'a stage name': df`
      FROM golang:1.26-alpine3.23 AS build
      FROM alpine:3.23
      COPY --from=build /go/bin /usr/local/bin
    `,
  },
  invalid: {
    'index 2 of two stages (0 and 1): "invalid stage index 2"': {
      dockerfile: df`
        FROM golang:1.26-alpine3.23
        RUN go version
        FROM alpine:3.23
        COPY --from=2 /go/bin /usr/local/bin
      `,
      lines: [4],
      message: /2 stages \(0–1\).*invalid stage index 2/,
    },
    'stages count from 0: --from=1 in a one-stage file': {
      dockerfile: df`
        FROM alpine:3.23
        COPY --from=1 /etc/os-release /tmp/
      `,
      lines: [2],
      message: /one stage \(0\)/,
    },
  },
});
