import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rules } from './index';
import { LESSON_SLUGS } from '../generated/lessons';
import { TECHNIQUES as TECHNIQUE_LIST } from '../types';

const dir = fileURLToPath(new URL('.', import.meta.url));
const NOT_RULES = new Set(['index.ts', 'test-helpers.ts']);
const ruleFiles = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !NOT_RULES.has(f))
  .map((f) => f.slice(0, -3))
  .sort();
const LESSONS: readonly string[] = LESSON_SLUGS;
const TECHNIQUES: readonly string[] = TECHNIQUE_LIST;

describe('rules/index.ts', () => {
  it('registers every rule file, once, sorted by id', () => {
    expect(rules.map((r) => r.id)).toEqual(ruleFiles);
  });

  it.each(ruleFiles)(
    '%s: the id equals the file name and the file exports exactly one rule',
    (file) => {
      const src = readFileSync(`${dir}${file}.ts`, 'utf8');
      expect(src.match(/defineRule\(/g)).toHaveLength(1);
      expect(src).toContain(`id: '${file}'`);
    },
  );

  it.each(ruleFiles)('%s: has a test file beside it', (file) => {
    expect(readdirSync(dir)).toContain(`${file}.test.ts`);
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s: metadata is valid', (_id, rule) => {
    expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(LESSONS).toContain(rule.lesson);
    expect(TECHNIQUES).toContain(rule.technique);
    expect(['error', 'warning', 'info']).toContain(rule.severity);
    if (rule.hadolint !== undefined) expect(rule.hadolint).toMatch(/^DL\d{4}(\/DL\d{4})*$/);
    // A message says what to do: at least one sentence, ending in a full stop.
    expect(rule.message.length).toBeGreaterThan(40);
    expect(rule.message.trim()).toMatch(/[.)]$/);
  });

  it('every linked lesson has a content folder (NN-slug)', () => {
    const lessonsDir = fileURLToPath(new URL('../../../content/lessons/', import.meta.url));
    const slugs = readdirSync(lessonsDir)
      .filter((f) => /^\d\d-/.test(f))
      .map((f) => f.replace(/^\d\d-/, ''));
    expect(slugs).toEqual(expect.arrayContaining([...new Set(rules.map((r) => r.lesson))]));
  });
});
