import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze } from './index';
import type { Report } from './types';
import { ONE_MB_DOCKERFILE } from './hostile-inputs';

const LINES = [
  'FROM python:3.12-slim',
  'FROM node:22 AS build',
  'FROM build',
  'FROM alpine:3.22',
  'FROM scratch',
  'FROM ${BASE:-debian:bookworm-slim}',
  'ARG BASE=ubuntu:24.04',
  'ENV PIP_NO_CACHE_DIR=1 NODE_ENV=production',
  'WORKDIR /app',
  'USER 1000',
  'COPY . .',
  'COPY --from=build /app/dist ./dist',
  'COPY --chown=1:1 package.json ./',
  'ADD https://example.com/x.tar.gz /tmp/',
  'RUN apt-get update && apt-get install -y curl',
  'RUN rm -rf /var/lib/apt/lists/*',
  'RUN pip install flask requests',
  'RUN npm ci --omit=dev && npm cache clean --force',
  'RUN apk add --no-cache --virtual .b gcc && apk del .b',
  'RUN chown -R 1000 /app',
  'RUN --mount=type=cache,target=/root/.cache/pip pip install numpy',
  "RUN echo 'unterminated",
  'RUN <<EOF\napt-get update\nEOF',
  'RUN ["sh", "-c", "make && make install"]',
  'RUN set -eux; \\\n  curl -fsSL https://x | sh',
  'CMD ["python", "app.py"]',
  'ENTRYPOINT node server.js',
  'HEALTHCHECK --interval=30s CMD curl -f http://localhost/',
  'ONBUILD RUN echo hi',
  'BOGUS instruction',
  '# comment',
  '',
];

const files = [
  { path: 'package.json', sizeBytes: 60, content: '{"dependencies":{"express":"^4.0.0"}}' },
  { path: 'requirements.txt', sizeBytes: 6, content: 'flask\n' },
  { path: 'src/app.py', sizeBytes: 2000 },
  { path: '.git/HEAD', sizeBytes: 40 },
];

const dockerfileArb = fc
  .array(fc.constantFrom(...LINES), { maxLength: 25 })
  .map((ls) => ls.join('\n'));
const anyText = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  dockerfileArb,
);

function stable(r: Report): unknown {
  return { ...r, elapsedMs: undefined };
}

describe('analyze (property tests)', () => {
  it('never throws, whatever the text, .dockerignore or target', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.option(fc.string({ maxLength: 80 })),
        fc.option(fc.constantFrom('build', '0', '7', 'nope')),
        (dockerfile, ignore, target) => {
          const r = analyze({
            dockerfile,
            context: { files },
            ...(ignore !== null ? { dockerignore: ignore } : {}),
            ...(target !== null ? { target } : {}),
          });
          expect(r.size.bytes).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('adds up: base + shipped layers = total, and wasted bytes never exceed their layer', () => {
    fc.assert(
      fc.property(dockerfileArb, (dockerfile) => {
        const r = analyze({ dockerfile, context: { files } });
        const shipped = r.layers.filter((l) => l.isShipped);
        expect(r.size.bytes).toBe(r.base.sizeBytes + shipped.reduce((s, l) => s + l.sizeBytes, 0));
        expect(r.size.wastedBytes).toBe(shipped.reduce((s, l) => s + l.wastedBytes, 0));
        for (const l of r.layers) {
          expect(l.wastedBytes).toBeLessThanOrEqual(l.sizeBytes);
          expect(l.sizeBytes).toBe(l.items.reduce((s, i) => s + i.bytes, 0));
        }
        expect(r.score.score).toBeGreaterThanOrEqual(0);
        expect(r.score.score).toBeLessThanOrEqual(100);
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic: the same input gives the same report', () => {
    fc.assert(
      fc.property(dockerfileArb, (dockerfile) => {
        const input = { dockerfile, context: { files }, dockerignore: '.git\n' };
        expect(stable(analyze(input))).toEqual(stable(analyze(input)));
      }),
      { numRuns: 100 },
    );
  });

  it('analyses a bounded part of a 1 MB input and says so (its CPU time: npm run bench:hostile)', () => {
    const r = analyze({ dockerfile: ONE_MB_DOCKERFILE });
    expect(r.problems.some((p) => /too large/i.test(p.message))).toBe(true);
  });
});
