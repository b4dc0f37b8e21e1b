/**
 * Regression cases: Dockerfiles written to reproduce patterns found in public repositories, each
 * with a header that says what it reproduces, where the pattern was seen and what the analyzer
 * must say about it. Pure: the caller reads the files (the test and `npm run calibrate`).
 *
 * Header lines (comment lines at the top of the file, before the first instruction):
 *
 *   # pattern: what the file reproduces
 *   # source: owner/repo path @commit (where the pattern was seen)
 *   # truth: 120.97 MB docker-library/repo-info repos/python/local/3.13-slim-bookworm.md @6cb269b
 *   # expect: rule-id            (the rule must fire, at least once)
 *   # expect-not: rule-id        (the rule must stay silent)
 *   # expect-with-index: rule-id (the rule must fire when the official-tag index is given; a rule
 *                                 that needs the full list of official images is silent without it)
 *   # context: path=bytes path=bytes   (the build context; no line means "no context given")
 *   # file: package.json {"name":"x"}  (a context file with its text; adds to the context)
 *   # dockerignore: node_modules      (a .dockerignore line; repeatable)
 *   # message-not: rule-id text       (no finding of that rule may contain the text)
 *   # max-savings: 25 MB              (the findings' savings together stay within this)
 *   # target: stage              (like docker build --target)
 */
import type { AnalyzeInput } from '../types';

export interface RegressionCase {
  name: string;
  pattern: string;
  source: string;
  /** The real image size in bytes (decimal MB × 1e6), with where it was read. */
  truth?: { bytes: number; source: string };
  expect: string[];
  /** Rules that must fire when the analysis has the official-tag index. */
  expectWithIndex: string[];
  expectNot: string[];
  /** `[rule, text]`: no finding of `rule` may contain `text`. */
  messageNot: [string, string][];
  /** Upper bound of the summed savings of all findings, when the case sets one. */
  maxSavingsBytes?: number;
  input: AnalyzeInput;
}

/** Parses one case file; throws with the file name when the header is incomplete. */
export function parseCase(name: string, text: string): RegressionCase {
  const header: [string, string][] = [];
  for (const line of text.split('\n')) {
    const m = /^#\s*([a-z-]+):\s*(.*)$/.exec(line);
    if (m) header.push([m[1], m[2].trim()]);
    else if (line.trim() === '' || line.startsWith('#')) continue;
    else break;
  }
  const all = (key: string) => header.filter(([k]) => k === key).map(([, v]) => v);
  const one = (key: string) => all(key)[0];
  const pattern = one('pattern');
  const source = one('source');
  if (!pattern || !source) throw new Error(`${name}: a case needs # pattern: and # source:`);
  let truth: RegressionCase['truth'];
  const t = one('truth');
  if (t) {
    const m = /^([\d.]+)\s*(MB|GB)\s+(.+)$/.exec(t);
    if (!m) throw new Error(`${name}: # truth: must read "<number> MB <source>"`);
    truth = { bytes: Math.round(Number(m[1]) * (m[2] === 'GB' ? 1e9 : 1e6)), source: m[3] };
  }
  const expect = all('expect')
    .flatMap((v) => v.split(/\s+/))
    .filter(Boolean);
  const expectWithIndex = all('expect-with-index')
    .flatMap((v) => v.split(/\s+/))
    .filter(Boolean);
  const expectNot = all('expect-not')
    .flatMap((v) => v.split(/\s+/))
    .filter(Boolean);
  if (
    !truth &&
    expect.length + expectWithIndex.length + expectNot.length === 0 &&
    !all('message-not').length
  )
    throw new Error(`${name}: a case needs a # truth: or an # expect: / # expect-not: line`);
  const input: AnalyzeInput = { dockerfile: text };
  const ctx = one('context');
  const files = all('file');
  if (ctx !== undefined || files.length > 0) {
    input.context = {
      files: (ctx ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((pair) => {
          const i = pair.lastIndexOf('=');
          return { path: pair.slice(0, i), sizeBytes: Number(pair.slice(i + 1)) };
        }),
    };
    for (const f of files) {
      const i = f.indexOf(' ');
      const content = f.slice(i + 1);
      input.context.files.push({ path: f.slice(0, i), sizeBytes: content.length, content });
    }
  }
  const messageNot = all('message-not').map((v): [string, string] => {
    const i = v.indexOf(' ');
    return [v.slice(0, i), v.slice(i + 1)];
  });
  const ms = one('max-savings');
  const maxSavingsBytes = ms ? Math.round(parseFloat(ms) * 1e6) : undefined;
  const ignore = all('dockerignore');
  if (ignore.length) input.dockerignore = ignore.join('\n') + '\n';
  const target = one('target');
  if (target) input.target = target;
  return {
    name,
    pattern,
    source,
    truth,
    expect,
    expectWithIndex,
    expectNot,
    messageNot,
    maxSavingsBytes,
    input,
  };
}
