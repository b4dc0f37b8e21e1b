import { platformMismatchFinal } from './platform-mismatch-final';
import { df, ruleTests } from './test-helpers';

ruleTests(platformMismatchFinal, {
  valid: {
    'BUILDPLATFORM only on the builder that cross-compiles': df`
      FROM --platform=$BUILDPLATFORM golang:1.26-alpine AS build
      ARG TARGETOS TARGETARCH
      RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .
      FROM gcr.io/distroless/static-debian12:nonroot
      COPY --from=build /out/app /app
      ENTRYPOINT ["/app"]
    `,
    'TARGETPLATFORM on the final stage is the platform being built': df`
      FROM --platform=$TARGETPLATFORM alpine:3.22
      CMD ["sh"]
    `,
    'a fixed platform is a deliberate choice': df`
      FROM --platform=linux/amd64 debian:bookworm-slim
      CMD ["bash"]
    `,
    'no --platform at all': df`
      FROM debian:bookworm-slim
    `,
  },
  invalid: {
    'the only stage is pinned to the build machine': {
      dockerfile: df`
        FROM --platform=$BUILDPLATFORM node:22-bookworm-slim
        COPY server.js /app/
        CMD ["node", "/app/server.js"]
      `,
      lines: [1],
      message: /every variant gets the builder's architecture/,
    },
    'the final stage inherits BUILDPLATFORM from its base stage': {
      dockerfile: df`
        FROM --platform=\${BUILDPLATFORM} python:3.12-slim AS base
        FROM base AS final
        CMD ["python"]
      `,
      lines: [1],
    },
  },
});
