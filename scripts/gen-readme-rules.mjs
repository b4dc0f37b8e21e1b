#!/usr/bin/env node
// Writes the rule table into README.md between <!-- rules:start --> and <!-- rules:end -->,
// from the rule metadata in lib/analyzer/rules (the single source). Adds the section at the end
// when the markers are missing. lib/analyzer/rules/readme.test.ts fails when the table is stale.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = fileURLToPath(new URL('../', import.meta.url));
const { rules } = await tsImport('../lib/analyzer/rules/index.ts', import.meta.url);
const { withRulesTable, RULES_START, RULES_END } = await tsImport(
  '../lib/analyzer/rules/helpers/readme-table.ts',
  import.meta.url,
);

// Lesson slug → folder (NN-slug), for links that work on a code host.
const folders = new Map(
  readdirSync(`${root}content/lessons`)
    .map((name) => /^\d\d-(.+)$/.exec(name))
    .filter(Boolean)
    .map((m) => [m[1], m[0]]),
);
const folderOf = (slug) => {
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
