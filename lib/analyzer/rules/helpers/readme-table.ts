/** The README's rule table, generated from rule metadata (scripts/gen-readme-rules.ts writes it). */
import type { RuleDefinition } from '../../rule';

export const RULES_START = '<!-- rules:start -->';
export const RULES_END = '<!-- rules:end -->';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Lesson slug → its folder under content/lessons (`base-image` → `01-base-image`). */
export type LessonFolderOf = (slug: string) => string;

/**
 * Markdown table: one row per rule, in the order given. Technique links are relative to the
 * repository root (the lesson's prose file), so they work on a code host as well as locally.
 */
export function rulesTable(rules: readonly RuleDefinition[], folderOf: LessonFolderOf): string {
  const rows = rules.map(
    (r) =>
      `| \`${r.id}\` | [${r.technique}](content/lessons/${folderOf(r.lesson)}/index.mdx) | ${r.severity} | ${r.hadolint ?? ''} | ${cell(r.message)} |`,
  );
  return [
    `${rules.length} rules. Technique links go to the lesson that teaches the fix; hadolint names the closest equivalent rule.`,
    '',
    '| Rule | Technique | Severity | hadolint | What to do |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/**
 * `readme` with the text between the rule markers replaced by the table. `undefined` when the
 * markers are missing or out of order.
 */
export function withRulesTable(
  readme: string,
  rules: readonly RuleDefinition[],
  folderOf: LessonFolderOf,
): string | undefined {
  const start = readme.indexOf(RULES_START);
  const end = readme.indexOf(RULES_END);
  if (start < 0 || end < start) return undefined;
  return `${readme.slice(0, start + RULES_START.length)}\n${rulesTable(rules, folderOf)}\n${readme.slice(end)}`;
}
