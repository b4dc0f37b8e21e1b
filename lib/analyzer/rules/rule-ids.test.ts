/**
 * Adding a rule touches only its file and its line in index.ts: the `RuleId` type and `RULE_IDS`
 * follow from that list, lesson goals are typed by them, and no other source file keeps a list
 * of the rules.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { RULE_IDS, rules, type RuleId } from './index';
import type { LessonGoal } from '../../lessons/types';

const dir = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('RuleId and RULE_IDS', () => {
  it('are the ids of the rule files, sorted', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => f.slice(0, -3))
      .filter((f) => f !== 'index' && f !== 'test-helpers')
      .sort();
    expect([...RULE_IDS]).toEqual(files);
    expect(rules.map((r) => r.id)).toEqual(files);
  });

  it('type a rule id as one of the registered ones', () => {
    expectTypeOf<'apt-lists-not-removed'>().toExtend<RuleId>();
    expectTypeOf<string>().not.toExtend<RuleId>();
    const goal: LessonGoal = { type: 'rule-clear', rule: 'apt-lists-not-removed' };
    // @ts-expect-error -- a lesson goal cannot name a rule that is not registered
    const wrong: LessonGoal = { type: 'rule-clear', rule: 'apt-lists-not-removd' };
    expect([goal.type, wrong.type]).toEqual(['rule-clear', 'rule-clear']);
  });

  it('are the only list of the rules: no other source file names a quarter of them', () => {
    const sources = execFileSync(
      'git',
      ['ls-files', '--', 'lib', 'components', 'app', 'cli', 'server', 'scripts', 'content'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    )
      .split('\n')
      .filter((f) => /\.(ts|tsx|mjs|mdx)$/.test(f) && !/\.test\.ts$/.test(f))
      .filter((f) => !f.startsWith('lib/analyzer/rules/'));
    const lists = sources.filter((f) => {
      const text = readFileSync(`${root}${f}`, 'utf8');
      const named = RULE_IDS.filter((id) => new RegExp(`['"\`]${id}['"\`]`).test(text));
      return named.length >= RULE_IDS.length / 4;
    });
    expect(sources.length).toBeGreaterThan(100);
    expect(lists).toEqual([]);
  });
});
