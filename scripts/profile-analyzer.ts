/**
 * Where analyze() spends its time on the bench's multi-stage files: repeats cold (a new
 * AnalyzerCache each time) or warm (one cache, the text changed by a comment line) analyses in
 * one process, for Node's CPU profiler, and sums a profile's self and inclusive time.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx scripts/profile-analyzer.ts cold 100 150
 *   npx tsx scripts/profile-analyzer.ts --summarize /tmp/prof/<main thread's file>.cpuprofile
 *
 * The loop prints CPU time per analysis (`process.cpuUsage()`). tsx's loader runs in a second
 * thread with a profile of its own: summarize the larger file. Idle time is left out of the
 * shares; `lib/` paths are shown relative to the repository.
 */
import { readFileSync } from 'node:fs';
import { analyze, createAnalyzerCache } from '../lib/analyzer/index';
import { makeMultiStage } from './bench-analyzer';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

function summarize(file: string, top = 30): void {
  const p = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*?\/(lib|scripts|node_modules)\//, '$1/')}`;
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  const byModule = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const node = byId.get(id) as ProfileNode;
    if (node.callFrame.functionName === '(idle)') return;
    const t = p.timeDeltas[i] ?? 0;
    total += t;
    self.set(name(node), (self.get(name(node)) ?? 0) + t);
    const mod = node.callFrame.url.replace(/^.*?\/(lib|node_modules)\//, '$1/') || name(node);
    byModule.set(mod, (byModule.get(mod) ?? 0) + t);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = name(byId.get(cur) as ProfileNode);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + t);
    }
  });
  const show = (title: string, m: Map<string, number>, filter = (_: string) => true) => {
    console.log(`\n${title}`);
    for (const [k, t] of [...m]
      .filter(([k]) => filter(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top))
      console.log(`${((100 * t) / total).toFixed(1).padStart(5)} %  ${k}`);
  };
  console.log(`${(total / 1000).toFixed(0)} ms sampled (idle left out)`);
  show('self time by function', self);
  show('self time by module', byModule);
  show('inclusive time, lib/ functions', incl, (k) => k.includes(' lib/'));
}

function loop(mode: string, lines: number, rounds: number): void {
  const files = [1, 2, 3, 4].map((seed) => makeMultiStage(lines, seed));
  const cache = createAnalyzerCache();
  const once = (i: number) => {
    for (const f of files)
      analyze(
        { dockerfile: `${f}\n# edit ${i}\n` },
        { cache: mode === 'cold' ? createAnalyzerCache() : cache },
      );
  };
  for (let i = 0; i < 30; i++) once(-i);
  const t = process.cpuUsage();
  for (let i = 0; i < rounds; i++) once(i);
  const u = process.cpuUsage(t);
  const ms = (u.user + u.system) / 1000 / (rounds * files.length);
  console.log(`${mode}, ${lines} lines: ${ms.toFixed(2)} ms CPU per analysis`);
}

const args = process.argv.slice(2);
if (args[0] === '--summarize') summarize(args[1], Number(args[2] ?? 30));
else loop(args[0] ?? 'cold', Number(args[1] ?? 100), Number(args[2] ?? 150));
