import { distrolessCandidate } from './distroless-candidate';
import { df, ruleTests } from './test-helpers';

ruleTests(distrolessCandidate, {
  valid: {
    'already distroless': df`
      FROM node:22-slim AS build
      WORKDIR /app
      RUN echo "console.log(1)" > server.js
      FROM gcr.io/distroless/nodejs22-debian12:nonroot
      COPY --from=build /app /app
      CMD ["/app/server.js"]
    `,
    'the final stage installs OS packages (not a plain copy-and-run image)': df`
      FROM python:3.12-slim
      RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*
      COPY app.py /app/
      CMD ["python", "/app/app.py"]
    `,
    'a shell-form command needs a shell': df`
      FROM node:22-slim
      COPY server.js /app/
      CMD node /app/server.js
    `,
    'a shell script entrypoint needs a shell': df`
      FROM node:22-slim
      COPY entrypoint.sh /
      ENTRYPOINT ["/entrypoint.sh"]
    `,
    'a start script from gradle installDist needs sh and a JRE, not a static image': df`
      FROM eclipse-temurin:17-jdk AS build
      WORKDIR /src
      COPY . .
      RUN ./gradlew installDist
      FROM eclipse-temurin:17-jre
      COPY --from=build /src/build/install/app /opt/app
      ENTRYPOINT ["/opt/app/bin/app"]
    `,
  },
  invalid: {
    'a Node app copied from a build stage': {
      dockerfile: df`
        FROM node:22-slim AS build
        WORKDIR /app
        RUN echo "console.log(1)" > server.js
        FROM node:22-slim
        WORKDIR /app
        COPY --from=build /app .
        CMD ["node", "server.js"]
      `,
      lines: [4],
      message: /gcr\.io\/distroless\/nodejs22-debian12/,
      savedBytes: [1e6, 300e6],
    },
    'a Go binary on debian-slim': {
      dockerfile: df`
        FROM golang:1.26 AS build
        RUN CGO_ENABLED=0 go build -o /app .
        FROM debian:bookworm-slim
        RUN useradd -r app
        COPY --from=build /app /usr/local/bin/app
        USER app
        ENTRYPOINT ["/usr/local/bin/app"]
      `,
      lines: [3],
      message: /static-debian12/,
    },
  },
});
