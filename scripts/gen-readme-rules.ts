// Writes the rule table into README.md between <!-- rules:start --> and <!-- rules:end -->,
// from the rule metadata in lib/analyzer/rules (the single source). Adds the section at the end
// when the markers are missing. lib/analyzer/rules/readme.test.ts fails when the table is stale.
// Usage: npx tsx scripts/gen-readme-rules.ts (npm run gen:readme)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rules } from '../lib/analyzer/rules/index';
import { RULES_END, RULES_START, withRulesTable } from '../lib/analyzer/rules/helpers/readme-table';

const root = fileURLToPath(new URL('../', import.meta.url));

// Lesson slug → folder (NN-slug), for links that work on a code host.
const folders = new Map(
  readdirSync(`${root}content/lessons`)
    .map((name) => /^\d\d-(.+)$/.exec(name))
    .filter((m) => m !== null)
    .map((m) => [m[1], m[0]]),
);
const folderOf = (slug: string): string => {
  const folder = folders.get(slug);
  if (!folder) throw new Error(`no lesson folder for ${slug}`);
  return folder;
};

const path = `${root}README.md`;
let readme = readFileSync(path, 'utf8');
if (!readme.includes(RULES_START) || !readme.includes(RULES_END)) {
  readme = `${readme.trimEnd()}\n\n## Rules\n\n${RULES_START}\n${RULES_END}\n`;
}
const next = withRulesTable(readme, rules, folderOf);
if (next === undefined) {
  console.error('README.md: the rule markers are out of order');
  process.exit(1);
}
if (next === readme) {
  console.log(`README.md rule table is current (${rules.length} rules)`);
} else {
  writeFileSync(path, next);
  console.log(`README.md rule table written (${rules.length} rules)`);
}
