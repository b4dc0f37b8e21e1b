import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rules } from './index';
import { RULES_END, RULES_START, rulesTable, withRulesTable } from './helpers/readme-table';

const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
const lessonsDir = fileURLToPath(new URL('../../../content/lessons', import.meta.url));
const folderOf = (slug: string): string =>
  readdirSync(lessonsDir).find((name) => name.replace(/^\d\d-/, '') === slug) ?? `?${slug}`;

describe('rulesTable', () => {
  it('has one row per rule, with the id, technique link and hadolint rule', () => {
    const table = rulesTable(rules, folderOf);
    for (const r of rules) {
      const link = `content/lessons/${folderOf(r.lesson)}/index.mdx`;
      expect(table).toContain(`| \`${r.id}\` | [${r.technique}](${link}) |`);
      // Relative to the repository root, so the link works on a code host too.
      expect(existsSync(fileURLToPath(new URL(`../../../${link}`, import.meta.url))), link).toBe(
        true,
      );
    }
    expect(table.split('\n').filter((l) => l.startsWith('| `'))).toHaveLength(rules.length);
  });

  it('escapes pipes inside messages', () => {
    const table = rulesTable([{ ...rules[0], message: 'a | b' }], folderOf);
    expect(table).toContain('a \\| b');
  });
});

describe('README.md', () => {
  it('has the rule markers in order', () => {
    expect(readme.indexOf(RULES_START)).toBeGreaterThanOrEqual(0);
    expect(readme.indexOf(RULES_END)).toBeGreaterThan(readme.indexOf(RULES_START));
  });

  it('has the current rule table (run `npm run gen:readme`)', () => {
    expect(withRulesTable(readme, rules, folderOf)).toBe(readme);
  });
});
