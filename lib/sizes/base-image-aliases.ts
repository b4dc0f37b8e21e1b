/**
 * References that mean a measured image (kind `same`) or that are best sized by one
 * (kind `stand-in`: the tag moved to a build that was not measured). Each entry says why.
 * Facts come from data/BASE-IMAGES.md (caveat 3: which tags moved) unless noted.
 */
export interface BaseImageAlias {
  alias: string;
  /** Canonical `ref` of a record in generated/base-images.json. */
  target: string;
  kind: 'same' | 'stand-in';
  reason: string;
}

const same = (target: string, reason: string, ...aliases: string[]): BaseImageAlias[] =>
  aliases.map((alias) => ({ alias, target, kind: 'same', reason }));
const standIn = (target: string, reason: string, ...aliases: string[]): BaseImageAlias[] =>
  aliases.map((alias) => ({ alias, target, kind: 'stand-in', reason }));

const pythonFull = ['3.13', '3.12', '3.11', '3.10'].flatMap((v) =>
  standIn(
    `python:${v}-bookworm`,
    `python:${v} has presumably moved to trixie like python:3.12-slim did (not verified); the bookworm build is the nearest measured one, and debian:trixie is only 3.35 MB larger than debian:bookworm.`,
    `python:${v}`,
    `python:${v}-trixie`,
  ),
);

const pythonSlim = ['3.13', '3.11', '3.10'].flatMap((v) =>
  standIn(
    `python:${v}-slim-bookworm`,
    `python:${v}-slim points to trixie since 2025 (verified for 3.12); the bookworm build is the nearest measured one (python:3.12-slim-trixie, 119.20 MB, is within a few MB of it).`,
    `python:${v}-slim`,
    `python:${v}-slim-trixie`,
  ),
);

const pythonAlpine = ['3.12', '3.11', '3.10'].flatMap((v) =>
  standIn(
    `python:${v}-alpine3.23`,
    `python:${v}-alpine points to Alpine 3.24 since mid 2026; the alpine3.23 build is the nearest measured one.`,
    `python:${v}-alpine`,
    `python:${v}-alpine3.24`,
  ),
);

const nodeBookworm = ['18', '20', '22', '24'].flatMap((v) => [
  ...same(
    `node:${v}-bookworm`,
    `node:${v} pointed to the bookworm variant when it was measured (repo-info local/${v}*-bookworm.md).`,
    `node:${v}`,
  ),
  ...same(
    `node:${v}-bookworm-slim`,
    `node:${v}-slim pointed to bookworm-slim when it was measured: the node images use one Debian release for the full and slim tags.`,
    `node:${v}-slim`,
  ),
]);

const ubuntuCodenames = [
  ...same(
    'ubuntu:20.04',
    'Ubuntu codenames name the same release as the version: focal is 20.04.',
    'ubuntu:focal',
  ),
  ...same(
    'ubuntu:22.04',
    'Ubuntu codenames name the same release as the version: jammy is 22.04.',
    'ubuntu:jammy',
  ),
  ...same(
    'ubuntu:24.04',
    'Ubuntu codenames name the same release as the version: noble is 24.04.',
    'ubuntu:noble',
  ),
];

const distroless = ['static', 'base', 'cc', 'python3', 'nodejs20', 'nodejs22', 'java17'].flatMap(
  (name) => [
    ...same(
      `gcr.io/distroless/${name}-debian12`,
      'A tag without a Debian suffix names the debian12 build of the same distroless image.',
      `gcr.io/distroless/${name}`,
    ),
    ...same(
      `gcr.io/distroless/${name}-debian12:nonroot`,
      'A tag without a Debian suffix names the debian12 build of the same distroless image.',
      `gcr.io/distroless/${name}:nonroot`,
    ),
  ],
);

export const BASE_IMAGE_ALIASES: readonly BaseImageAlias[] = [
  ...standIn(
    'redis:8.8-trixie',
    'redis:latest was 8.8.0 on trixie when repo-info measured it (local/latest.md, 2026-07-14); it has moved to 8.10 (docker-library/official-images library/redis @37079fb), a build nobody measured.',
    'redis:latest',
    'redis:8',
    'redis:trixie',
  ),
  ...same(
    'rust:1-slim-trixie',
    'rust:1-slim and rust:slim are the trixie build (docker-library/official-images library/rust @37079fb), measured by repo-info as rust:1-slim-trixie.',
    'rust:1-slim',
    'rust:slim',
  ),
  ...standIn(
    'php:8.3-apache-trixie',
    'The same PHP line and Apache on trixie; a newer PHP minor is built the same way (docker-library/php apache template).',
    'php:8.4-apache',
    'php:8.4-apache-trixie',
    'php:apache',
  ),
  ...same(
    'python:3.12-slim-trixie',
    'python:3.12-slim pointed to the trixie variant when it was measured (repo-info local/3.12-slim.md reads 3.12.13-slim-trixie).',
    'python:3.12-slim',
  ),
  ...same(
    'python:3.13-alpine3.24',
    'python:3.13-alpine was read from repo-info local/3.13-alpine.md, an Alpine 3.24 build.',
    'python:3.13-alpine',
  ),
  ...same(
    'python:3.9-bookworm',
    'The tutorial-era python:3.9 file is 3.9.21 on bookworm (December 2024).',
    'python:3.9',
  ),
  ...same(
    'python:3.9-slim-bullseye',
    'The tutorial-era python:3.9-slim was built on bullseye (January 2023).',
    'python:3.9-slim',
  ),
  ...same(
    'node:16-buster',
    'node:16 was built on Debian 10 buster (the tutorial-era February 2023 build).',
    'node:16',
  ),
  ...same(
    'node:16-alpine3.16',
    'The tutorial-era node:16-alpine measurement is the alpine3.16 build (December 2022).',
    'node:16-alpine',
  ),
  ...same(
    'node:24-alpine3.24',
    'node:24-alpine was read from repo-info local/24-alpine.md, an Alpine 3.24 build.',
    'node:24-alpine',
  ),
  ...same(
    'node:20-alpine3.23',
    'node:20-alpine was last built on Alpine 3.23 (March 2026, before Node 20 reached end of life).',
    'node:20-alpine',
  ),
  ...same(
    'node:18-alpine3.20',
    'node:18-alpine was last built on Alpine 3.20 (2024, before Node 18 reached end of life).',
    'node:18-alpine',
  ),
  ...nodeBookworm,
  ...pythonFull,
  ...pythonSlim,
  ...pythonAlpine,
  ...standIn(
    'node:22-alpine3.23',
    'Unsuffixed -alpine tags point to Alpine 3.24 since mid 2026; the alpine3.23 build is the nearest measured one.',
    'node:22-alpine',
    'node:22-alpine3.24',
  ),
  ...standIn(
    'golang:1.26-alpine3.23',
    'Unsuffixed -alpine tags point to Alpine 3.24 since mid 2026; the alpine3.23 build is the nearest measured one.',
    'golang:1.26-alpine',
    'golang:alpine',
  ),
  ...standIn(
    'golang:1.26-bookworm',
    'golang:1.26 presumably points to trixie by late 2026 (not verified); the bookworm build is the nearest measured one.',
    'golang:1.26',
    'golang:latest',
    'golang:1',
  ),
  ...same('debian:bookworm-slim', 'Debian 12 is bookworm.', 'debian:12-slim'),
  ...same('debian:bookworm', 'Debian 12 is bookworm.', 'debian:12'),
  ...same('debian:trixie-slim', 'Debian 13 is trixie.', 'debian:13-slim'),
  ...same('debian:trixie', 'Debian 13 is trixie.', 'debian:13'),
  ...same(
    'debian:trixie-slim',
    'Debian 13 trixie has been the stable release since 2025-08-09.',
    'debian:stable-slim',
  ),
  ...same(
    'debian:trixie',
    'Debian 13 trixie has been the stable release since 2025-08-09, and debian:latest follows stable.',
    'debian:stable',
    'debian:latest',
  ),
  ...same(
    'debian:bookworm-slim',
    'Debian 12 bookworm has been oldstable since trixie was released (2025-08-09).',
    'debian:oldstable-slim',
  ),
  ...same(
    'debian:bookworm',
    'Debian 12 bookworm has been oldstable since trixie was released (2025-08-09).',
    'debian:oldstable',
  ),
  ...ubuntuCodenames,
  ...standIn(
    'ubuntu:24.04',
    'ubuntu:latest follows the newest LTS, 26.04 resolute since April 2026 (eclipse-temurin:17 is built on it); 24.04 is the nearest measured one, and Ubuntu base images stay near 78 MB (22.04: 78.08, 24.04: 78.16).',
    'ubuntu:latest',
    'ubuntu:26.04',
    'ubuntu:resolute',
    'ubuntu:rolling',
  ),
  ...standIn(
    'alpine:3.22',
    'alpine:latest is Alpine 3.24 by late 2026 (the Sep 2026 official -alpine images are 3.24); the newest measured alpine is 3.22, and Alpine grows by well under 1 MB a release (3.18: 7.35 MB, 3.22: 8.30 MB).',
    'alpine:latest',
    'alpine:3',
    'alpine:3.24',
    'alpine:3.23',
  ),
  ...same(
    'busybox:1.38',
    'busybox:latest on amd64 is the glibc build of busybox 1.38.0 (same image ID as busybox:glibc).',
    'busybox:latest',
    'busybox:stable',
    'busybox:glibc',
    'busybox:1.38-glibc',
    'busybox:1',
  ),
  ...same(
    'nginx:1.31-alpine',
    'nginx:alpine is the mainline 1.31 Alpine build (repo-info local/1-alpine.md).',
    'nginx:alpine',
    'nginx:1-alpine',
    'nginx:mainline-alpine',
  ),
  ...same(
    'nginx:1.31',
    'nginx:latest is the mainline 1.31 Debian trixie build (repo-info local/latest.md).',
    'nginx:latest',
    'nginx:1',
    'nginx:mainline',
    'nginx:1.31-trixie',
  ),
  ...same(
    'eclipse-temurin:17-jre-resolute',
    'eclipse-temurin:17-* tags moved to Ubuntu 26.04 resolute in 2026.',
    'eclipse-temurin:17-jre',
  ),
  ...same(
    'eclipse-temurin:17-jdk-resolute',
    'eclipse-temurin:17-* tags moved to Ubuntu 26.04 resolute in 2026; eclipse-temurin:17 is the JDK.',
    'eclipse-temurin:17-jdk',
    'eclipse-temurin:17',
  ),
  // The deprecated openjdk image (docker-library/docs#2162): its tags named the JDK by default.
  ...same(
    'openjdk:8-jdk-alpine',
    'openjdk:8-alpine named the JDK build: repo-info local/8-alpine3.8.md reads openjdk:8u191-jdk-alpine3.8 (hiramtibbit/repo-info, a fork of docker-library/repo-info, @c80c7d9).',
    'openjdk:8-alpine',
    'openjdk:8u191-jdk-alpine3.8',
  ),
  ...same(
    'openjdk:8',
    'openjdk:8 named the JDK build: repo-info local/8.md reads openjdk:8u181-jdk-stretch (hiramtibbit/repo-info @030aa4f).',
    'openjdk:8-jdk',
  ),
  ...distroless,
];
