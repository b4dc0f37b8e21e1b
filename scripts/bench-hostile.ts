/**
 * `npm run bench:hostile`: the CPU time of each input that once made the analyzer or the share
 * decoder take seconds or minutes (lib/analyzer/hostile-inputs.ts, and a 50 MB zip bomb in a share
 * link). Prints one line per input: median and max CPU ms over the runs, and what it took before
 * its fix. The unit tests check what each gives; this prints how long it takes.
 *
 *   npm run bench:hostile -- [--runs N]
 */
import { deflateSync } from 'fflate';
import { analyze, createAnalyzerCache } from '../lib/analyzer/index';
import { HOSTILE_INPUTS } from '../lib/analyzer/hostile-inputs';
import { decodeShare } from '../lib/share/share-link';
import { base64UrlEncode } from '../lib/share/base64url';
import { cpuMs } from './cpu-time';

const i = process.argv.indexOf('--runs');
const runs = i >= 0 ? Number(process.argv[i + 1]) : 3;
if (!Number.isInteger(runs) || runs <= 0) {
  console.error('usage: npm run bench:hostile -- [--runs N]');
  process.exit(2);
}

function row(name: string, before: string, fn: () => void): void {
  const ms = Array.from({ length: runs }, () => cpuMs(fn)).sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)];
  console.log(
    `${name.padEnd(58)} ${median.toFixed(0).padStart(7)} ${ms[ms.length - 1].toFixed(0).padStart(7)}   ${before}`,
  );
}

console.log(`CPU ms per input, ${runs} run(s) each, a fresh AnalyzerCache per run`);
console.log(`${'input'.padEnd(58)} ${'median'.padStart(7)} ${'max'.padStart(7)}   before its fix`);
for (const h of HOSTILE_INPUTS) {
  row(h.name, h.before, () => analyze(h.input, { cache: createAnalyzerCache() }));
}
const bomb = `v1=${base64UrlEncode(deflateSync(new Uint8Array(50_000_000), { level: 9 }))}`;
row('a share link inflating to 50 MB of zeros', 'expanded in full', () => decodeShare(bomb));
