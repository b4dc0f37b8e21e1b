/**
 * The file "What rebuilds?" answers for before the learner picks one: the app's main source file
 * when the project has one (the file an edit to the app touches most often), else the first file
 * sent to the builder.
 */

/** Entry-point names, most likely first. */
const MAIN_NAMES = [
  'main.py',
  'app.py',
  'app.js',
  'server.js',
  'index.js',
  'main.ts',
  'index.ts',
  'main.go',
];

/** Folders that hold dependencies, tooling or history, never the app's own entry point. */
const NOT_SOURCE = /(^|\/)(\.[^/]+|node_modules|site-packages|vendor|tests?|__pycache__)\//;

/** `sent`: the paths the builder receives (after .dockerignore), in display order. */
export function defaultRebuildPath(sent: readonly string[]): string {
  const candidates = sent.filter((p) => !NOT_SOURCE.test(p));
  const rank = (p: string) => MAIN_NAMES.indexOf(p.slice(p.lastIndexOf('/') + 1));
  const depth = (p: string) => p.split('/').length;
  const main = candidates
    .filter((p) => rank(p) >= 0)
    .sort((a, b) => depth(a) - depth(b) || rank(a) - rank(b) || a.localeCompare(b))[0];
  return main ?? sent[0] ?? '';
}
