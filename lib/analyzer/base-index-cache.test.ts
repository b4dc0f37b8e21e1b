import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzerCache } from './index';
import { staticBaseIndex } from '../sizes/base-index-static';

describe('the official-tag index the host passes in the AnalyzerCache', () => {
  // buildpack-deps:oldstable is not in the measured table; the index says it is the bookworm build.
  const input = { dockerfile: 'FROM buildpack-deps:oldstable\nRUN echo hi\n' };

  it('is what resolves another tag of a measured build, for that cache only', () => {
    const without = analyze(input, { cache: createAnalyzerCache() });
    const withIndex = analyze(input, {
      cache: createAnalyzerCache({ baseIndex: staticBaseIndex() }),
    });
    expect(without.base.known).toBe(false);
    expect(withIndex.base.known).toBe(true);
    expect(withIndex.base.resolvedRef).toBe('buildpack-deps:bookworm');
    // Nothing is left behind: a cache without the index still answers as before.
    expect(analyze(input, { cache: createAnalyzerCache() })).toMatchObject({
      base: without.base,
      size: without.size,
    });
  });

  it('reaches the start comparison too', () => {
    const cache = createAnalyzerCache({ baseIndex: staticBaseIndex() });
    const report = analyze(input, { start: { dockerfile: input.dockerfile }, cache });
    expect(report.startComparison?.startBytes).toBe(report.size.bytes);
  });
});

describe('a base whose figure is unsure carries its range into the estimate', () => {
  it('an unmeasured rpm-based build: low confidence, a range that holds the measured rpm images', () => {
    const cache = createAnalyzerCache({ baseIndex: staticBaseIndex() });
    const report = analyze({ dockerfile: 'FROM rockylinux:9-minimal\nCMD ["bash"]\n' }, { cache });
    expect(report.base.known).toBe(false);
    expect(report.size.confidence).toBe('low');
    const [lo, hi] = report.size.sizeRange;
    expect(lo).toBeLessThan(48_710_000); // photon:5.0, the smallest measured
    expect(hi).toBeGreaterThan(240_210_000); // oraclelinux:9, the largest
    expect(hi).toBeLessThan(1e9); // narrower than the default band for a guessed base
    const u = report.size.unknowns.find((x) => x.kind === 'base-image');
    expect(u?.rangeBytes).toEqual(report.base.sizeRange?.bytes);
    expect(u?.message).toMatch(/not measured/);
  });
});

describe('distroless language images', () => {
  const cache = createAnalyzerCache({ baseIndex: staticBaseIndex() });
  it.each([
    ['gcr.io/distroless/nodejs22-debian12', 'COPY app.js /app/app.js\nCMD ["/app/app.js"]'],
    ['gcr.io/distroless/nodejs24-debian13:nonroot', 'COPY app.js /app/app.js\nCMD ["/app/app.js"]'],
    ['gcr.io/distroless/python3-debian13', 'COPY app.js /app/app.js\nCMD ["/app/app.js"]'],
    ['gcr.io/distroless/java17-debian12', 'COPY app.jar /app.jar\nCMD ["/app.jar"]'],
    ['gcr.io/distroless/java21-debian13:debug', 'COPY app.jar /app.jar\nCMD ["/app.jar"]'],
  ])('%s: its interpreter is there, and an unsure figure carries its range', (ref, body) => {
    const report = analyze(
      {
        dockerfile: `FROM ${ref}\n${body}\n`,
        context: {
          files: [
            { path: 'app.js', sizeBytes: 1000 },
            { path: 'app.jar', sizeBytes: 1000 },
          ],
        },
      },
      { cache },
    );
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const u = report.size.unknowns.find((x) => x.kind === 'base-image');
    expect(u?.rangeBytes).toEqual(report.base.sizeRange?.bytes);
    expect(report.size.confidence).toBe('low');
  });
});
