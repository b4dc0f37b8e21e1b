import { singleStageBuild } from './single-stage-build';
import { df, ruleTests } from './test-helpers';

const node = {
  'package.json': JSON.stringify({
    name: 'web',
    scripts: { build: 'tsc' },
    devDependencies: { typescript: '^5.4.0' },
  }),
  'package-lock.json': '{}',
  'src/server.ts': 3000,
};

ruleTests(singleStageBuild, {
  valid: {
    'a toolchain installer checks its versions (rust slim: rustc --version, cargo --version)': df`
      FROM debian:bookworm-slim
      RUN set -eux; ./rustup-init -y --profile minimal; rm rustup-init; rustc --version; cargo --version
    `,
    'builds in a build stage and ships the output': {
      dockerfile: df`
      FROM node:22-slim AS build
      WORKDIR /app
      COPY . .
      RUN npm ci && npm run build
      FROM node:22-slim
      COPY --from=build /app/dist /app/dist
      CMD ["node", "/app/dist/server.js"]
    `,
      files: node,
    },
    'installing dependencies is not building': df`
      FROM python:3.12-slim
      RUN pip install --no-cache-dir flask
    `,
    'a go build in the builder, a static binary in scratch': df`
      FROM golang:1.26 AS build
      WORKDIR /src
      RUN go build -o /out/app .
      FROM scratch
      COPY --from=build /out/app /app
      ENTRYPOINT ["/app"]
    `,
  },
  invalid: {
    'npm run build in the image that ships': {
      dockerfile: df`
        FROM node:22-slim
        WORKDIR /app
        COPY . .
        RUN npm ci && npm run build
        CMD ["node", "dist/server.js"]
      `,
      files: node,
      lines: [4],
      message: /npm run build/,
    },
    'go build in a golang final image': {
      dockerfile: df`
        FROM golang:1.26
        WORKDIR /src
        COPY . .
        RUN go build -o /app .
        CMD ["/app"]
      `,
      files: { 'go.mod': 'module x\n', 'main.go': 500 },
      lines: [4],
      message: /go build/,
    },
    'gcc and make in the final image': {
      dockerfile: df`
        FROM debian:bookworm-slim
        RUN gcc -O2 -o /usr/local/bin/hello hello.c
        RUN make -C /src install
      `,
      lines: [2, 3],
    },
  },
});
