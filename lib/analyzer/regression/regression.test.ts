import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCase } from './case';
import { ALL_APT_NAMES } from '../apt-names-all';
import { createAnalyzerCache } from '../cache';
import { evaluateCase } from './evaluate';
import { staticBaseIndex } from '../../sizes/base-index-static';

const DIR = join(__dirname, 'cases');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.Dockerfile'))
  .sort();
const cases = files.map((f) => parseCase(f, readFileSync(join(DIR, f), 'utf8')));

describe('regression cases', () => {
  it('holds at least 150 cases, each with a cited truth or expected findings', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    for (const c of cases)
      expect(
        c.truth !== undefined ||
          c.expect.length + c.expectWithIndex.length + c.expectNot.length > 0 ||
          c.messageNot.length > 0,
      ).toBe(true);
  });

  // Without the official-tag index: what a page says before the index has loaded.
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = evaluateCase(c, createAnalyzerCache({ aptNames: ALL_APT_NAMES }));
    expect(result.failures).toEqual([]);
  });
});

describe('regression cases with the official-tag index (as the CLI and a loaded page analyse)', () => {
  const baseIndex = staticBaseIndex();
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = evaluateCase(c, createAnalyzerCache({ aptNames: ALL_APT_NAMES, baseIndex }));
    expect(result.failures).toEqual([]);
  });
});
