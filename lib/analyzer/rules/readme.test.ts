import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rules } from './index';
import { RULES_END, RULES_START, rulesTable, withRulesTable } from './helpers/readme-table';

const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');

describe('rulesTable', () => {
  it('has one row per rule, with the id, technique link and hadolint rule', () => {
    const table = rulesTable(rules);
    for (const r of rules)
      expect(table).toContain(`| \`${r.id}\` | [${r.technique}](/lessons/${r.lesson}) |`);
    expect(table.split('\n').filter((l) => l.startsWith('| `'))).toHaveLength(rules.length);
  });

  it('escapes pipes inside messages', () => {
    const table = rulesTable([{ ...rules[0], message: 'a | b' }]);
    expect(table).toContain('a \\| b');
  });
});

describe('README.md', () => {
  it('has the rule markers in order', () => {
    expect(readme.indexOf(RULES_START)).toBeGreaterThanOrEqual(0);
    expect(readme.indexOf(RULES_END)).toBeGreaterThan(readme.indexOf(RULES_START));
  });

  it('has the current rule table (run `node scripts/gen-readme-rules.mjs`)', () => {
    expect(withRulesTable(readme, rules)).toBe(readme);
  });
});
