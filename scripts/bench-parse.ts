/**
 * `npm run bench:parse`: what reading a Dockerfile costs the model, on the analyzer bench's files
 * (the small ones, and the 100-, 1,000- and 5,000-line files of `npm run bench`): the analyzer's
 * `parseDockerfile` plus the typed instructions the model asks for on every file (FROM, ARG),
 * next to dockerfile-ast's `DockerfileParser.parse` on the same text. Prints medians in ms.
 *
 *   npm run bench:parse -- [--rounds N]
 */
import { DockerfileParser } from 'dockerfile-ast';
import { parseDockerfile, typed } from '../lib/analyzer/parse';
import { SMALL, makeFile } from './bench-analyzer';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(f: () => unknown): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

/** What buildModel() reads of the parse on every file: the instructions, typed FROM and ARG. */
function ours(text: string): number {
  const df = parseDockerfile(text);
  let n = df.getEscapeCharacter().length;
  for (const ins of df.getInstructions()) {
    const kw = ins.getKeyword();
    n += ins.getRange().end.line;
    if (kw === 'FROM' || kw === 'ARG') n += typed(ins).getKeyword().length;
  }
  return n;
}

function theirs(text: string): number {
  const df = DockerfileParser.parse(text);
  let n = df.getEscapeCharacter().length;
  for (const ins of df.getInstructions()) n += ins.getRange().end.line;
  return n;
}

function main(): void {
  const at = process.argv.indexOf('--rounds');
  const rounds = at > 0 ? Number(process.argv[at + 1]) : 40;
  const rows = [
    { label: 'small (6 files)', files: SMALL },
    { label: '100 lines (3 files)', files: [1, 2, 3].map((s) => makeFile(100, s)) },
    { label: '1,000 lines (2 files)', files: [1, 2].map((s) => makeFile(1000, s)) },
    { label: '5,000 lines (1 file)', files: [makeFile(5000, 1)] },
  ];
  // Warm up both, so the JIT has compiled them before anything is timed.
  for (const r of rows)
    for (const f of r.files)
      for (let i = 0; i < 20; i++) {
        ours(f);
        theirs(f);
      }
  console.log('file                    parseDockerfile  DockerfileParser.parse  ratio');
  for (const r of rows) {
    const o: number[] = [];
    const t: number[] = [];
    for (const f of r.files) {
      const of: number[] = [];
      const tf: number[] = [];
      for (let i = 0; i < rounds; i++) {
        // Interleaved, so machine load hits both alike.
        of.push(time(() => ours(f)));
        tf.push(time(() => theirs(f)));
      }
      o.push(median(of));
      t.push(median(tf));
    }
    const mo = median(o);
    const mt = median(t);
    console.log(
      `${r.label.padEnd(22)}  ${mo.toFixed(3).padStart(15)}  ${mt.toFixed(3).padStart(22)}  ${(mt / mo).toFixed(2).padStart(4)}×`,
    );
  }
  console.log('\nms per file (median); ratio above 1× means parseDockerfile is faster.');
}

main();
