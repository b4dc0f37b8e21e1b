/**
 * `npm run bench:paste` — what a big paste into a lesson's editor costs the page, and prints it.
 * Not a test (e2e/workbench.spec.ts checks the behaviour): it prints figures against a target and
 * exits 0 unless it could not measure.
 *
 * Three cases, each run in a fresh browser context on the first lesson: 1 MB (over every cap)
 * and 190 kB (just under the live-analysis cap) pasted into Monaco, and 1 MB pasted into the plain
 * editor that stands in before Monaco has loaded (Monaco's chunk is held back for the run). Each
 * run puts the text in the clipboard, presses Ctrl+A and Ctrl+V (real key presses: the editors'
 * own paste paths), then End/Home every 100 ms for KEYS_MS, and reads from the page:
 *  - the longest main-thread task from the paste on (PerformanceObserver 'longtask'), and the
 *    total blocking time (the sum over those tasks of what passes 50 ms);
 *  - for each key press, when the page answered it: from its keydown's time stamp to the end of
 *    the task after the next animation frame (what a learner sees as the page reacting);
 *  - Ctrl+V → the next key press answered: how long from the paste until the page answers a key.
 *
 *   npm run bench:paste -- [--runs N] [--cpu-slowdown N] [--profile]
 *
 * `--cpu-slowdown 4` runs the page with DevTools' CPU throttling, for a busier or slower machine.
 * `--profile` prints the functions with the most self time over the first 1 MB Monaco run. Uses
 * the production build in `.next` (`npm run build` first), served on port 3140 (BENCH_PORT).
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { chromium, type Browser, type CDPSession } from '@playwright/test';
import { findChromium } from '../e2e/helpers/browser';
import { oneMegabyteDockerfile } from '../e2e/helpers/site';
import { LIMITS } from '../lib/limits';
import { serve, waitForServer } from './bench-server';

const PORT = Number(process.env.BENCH_PORT ?? 3140);
const ORIGIN = `http://localhost:${PORT}`;
const LESSON = '/lessons/base-image';
/** How long keys are pressed after the paste; the autosave and the other timers fall inside. */
const KEYS_MS = 4_000;
const KEY_EVERY_MS = 100;
/** The target: no task of the main thread longer than this after a paste. */
const MAX_TASK_MS = 200;

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const PROFILE = args.includes('--profile');
const slowAt = args.indexOf('--cpu-slowdown');
const CPU_SLOWDOWN = slowAt >= 0 ? Number(args[slowAt + 1]) : 1;
if (!Number.isInteger(RUNS) || RUNS <= 0 || !(CPU_SLOWDOWN >= 1)) {
  console.error('usage: npm run bench:paste -- [--runs N] [--cpu-slowdown N] [--profile]');
  process.exit(2);
}

/** A Dockerfile of about `chars` characters, under the live cap's line count too. */
function dockerfileOf(chars: number): string {
  const lines = ['FROM alpine:3.20'];
  let length = lines[0].length + 1;
  for (let i = 0; ; i++) {
    const line = `RUN echo "line ${i} ${'x'.repeat(120)}" > /dev/null`;
    if (length + line.length + 1 > chars) break;
    lines.push(line);
    length += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

interface Run {
  longestTaskMs: number;
  blockingMs: number;
  pasteAnsweredMs: number;
  nextKeyAnsweredMs: number;
  slowestKeyMs: number;
  keys: number;
  /** The editor holds the pasted text (Monaco), or the plain editor refused it and said so. */
  outcome: string;
}

interface Bench {
  tasks: { start: number; ms: number }[];
  keys: { key: string; at: number; answered: number }[];
}

/**
 * Installed before the page's scripts: long tasks, and for each key press when the page answered
 * it (the end of the task after the next frame that follows its keydown), on the page's clock.
 */
function observe(): void {
  const w = window as unknown as { __bench: Bench };
  w.__bench = { tasks: [], keys: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      w.__bench.tasks.push({ start: entry.startTime, ms: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.addEventListener(
    'keydown',
    (event: KeyboardEvent) => {
      const { key, timeStamp: at } = event;
      requestAnimationFrame(() =>
        setTimeout(() => w.__bench.keys.push({ key, at, answered: performance.now() })),
      );
    },
    { capture: true },
  );
}

async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

async function printProfile(cdp: CDPSession): Promise<void> {
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const frame = byId.get(profile.samples[i])!.callFrame;
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') continue;
    const file = frame.url.split('/').pop() ?? '';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log('  self time, main thread, from the paste to the end of the key presses:');
  for (const [key, ms] of top) console.log(`    ${ms.toFixed(0).padStart(6)} ms  ${key}`);
}

type Where = 'monaco' | 'plain';

async function pasteRun(
  browser: Browser,
  text: string,
  where: Where,
  profile: boolean,
): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  const page = await context.newPage();
  await page.addInitScript(observe);
  let release = () => {};
  if (where === 'plain') {
    // Monaco's chunk (the one script over 1 MB that names it) is held back until the run is over.
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/_next/static/chunks/*.js', async (route) => {
      try {
        const response = await route.fetch();
        const body = await response.body();
        if (body.length > 1_000_000 && body.includes('monaco')) await held;
        await route.fulfill({ response, body });
      } catch {
        // The run is over and its page closed.
      }
    });
  }
  await page.goto(ORIGIN + LESSON);
  let surface;
  if (where === 'monaco') {
    // Monaco comes on the pointer's first move over the editor, as a learner's would bring it.
    await page.locator('[data-editor-ready]').first().hover();
    surface = page.locator('[data-editor-ready="true"] .view-lines').first();
    await surface.waitFor({ timeout: 60_000 });
  } else {
    // The workbench is here (its plain editor takes the paste), Monaco is not.
    await page.locator('[data-editor-ready="false"]').first().waitFor({ timeout: 60_000 });
    surface = page.locator('textarea[data-early-editor]').first();
  }
  await page
    .locator('[data-testid="estimated-size"][data-stale="false"]')
    .first()
    .waitFor({ timeout: 30_000 });
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await surface.click();
  await page.keyboard.press('Control+A');
  await page.waitForTimeout(500);
  const cdp = await context.newCDPSession(page);
  if (CPU_SLOWDOWN > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  if (profile) await startProfile(cdp);
  const since = Number(await page.evaluate(() => performance.now()));
  const keysBefore = Number(
    await page.evaluate(() => (window as unknown as { __bench: Bench }).__bench.keys.length),
  );
  await page.keyboard.press('Control+V');
  const until = Date.now() + KEYS_MS;
  let keys = 0;
  for (let i = 0; Date.now() < until; i++) {
    await page.keyboard.press(i % 2 ? 'Home' : 'End');
    keys++;
    await page.waitForTimeout(KEY_EVERY_MS);
  }
  await page.waitForTimeout(500);
  if (profile) await printProfile(cdp);
  if (CPU_SLOWDOWN > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const bench = (await page.evaluate(
    () => (window as unknown as { __bench: Bench }).__bench,
  )) as Bench;
  const tasks = bench.tasks.filter((t) => t.start + t.ms >= since);
  // Ctrl+V is two keydowns: Control, then V (the paste).
  const pressed = bench.keys.slice(keysBefore);
  const paste = pressed.find((k) => k.key.toLowerCase() === 'v');
  const later = pressed.filter((k) => k.key === 'End' || k.key === 'Home');
  let outcome: string;
  if (where === 'monaco') {
    const kept = String(await page.evaluate('window.__layerlab.editorText()'));
    outcome = kept.length === text.length ? 'the editor holds the whole text' : 'TEXT NOT KEPT';
  } else {
    const said = await page.getByText(/^Not pasted:/).count();
    const value = await surface.inputValue();
    outcome =
      value.length === text.length
        ? 'the plain editor took the text'
        : said > 0
          ? 'the plain editor refused it and said so'
          : 'NEITHER PASTED NOR EXPLAINED';
  }
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  release();
  await context.close();
  return {
    longestTaskMs: Math.max(0, ...tasks.map((t) => t.ms)),
    blockingMs: tasks.reduce((sum, t) => sum + Math.max(0, t.ms - 50), 0),
    pasteAnsweredMs: paste ? paste.answered - paste.at : NaN,
    nextKeyAnsweredMs: paste && later[0] ? later[0].answered - paste.at : NaN,
    slowestKeyMs: Math.max(0, ...later.map((k) => k.answered - k.at)),
    keys,
    outcome,
  };
}

const load = () =>
  `load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')} on ${cpus().length} cores`;

const max = (values: number[]) => Math.max(...values);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

async function main(): Promise<void> {
  if (!existsSync('.next/BUILD_ID')) throw new Error('no production build: run `npm run build`');
  const stop = serve('npx', ['next', 'start', '-p', String(PORT)]);
  try {
    await waitForServer(`${ORIGIN}/`, 60_000);
    const { executablePath, args: chromiumArgs } = findChromium();
    const browser = await chromium.launch({ executablePath, args: chromiumArgs });
    const huge = oneMegabyteDockerfile();
    const cases: { name: string; text: string; where: Where }[] = [
      { name: 'Monaco, 1 MB Dockerfile (over every cap)', text: huge, where: 'monaco' },
      {
        name: `Monaco, ${Math.round((LIMITS.live.chars - 10_000) / 1000)} kB Dockerfile (analysed live)`,
        text: dockerfileOf(LIMITS.live.chars - 10_000),
        where: 'monaco',
      },
      { name: 'plain editor (before Monaco), 1 MB Dockerfile', text: huge, where: 'plain' },
    ];
    console.log(`\nLayerlab paste benchmark: ${LESSON}, 1280 × 800, Chromium headless`);
    console.log(
      `${load()} at the start; ${RUNS} run(s) per case, a fresh context each` +
        (CPU_SLOWDOWN > 1 ? `; CPU slowed down ${CPU_SLOWDOWN}× (DevTools throttling)` : ''),
    );
    for (const { name, text, where } of cases) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++)
        runs.push(
          await pasteRun(
            browser,
            text,
            where,
            PROFILE && i === 0 && where === 'monaco' && text === huge,
          ),
        );
      const row = (label: string, pick: (r: Run) => number, target = '') =>
        console.log(
          `  ${label.padEnd(46)} median ${median(runs.map(pick)).toFixed(0).padStart(5)} ms, ` +
            `max ${max(runs.map(pick)).toFixed(0).padStart(5)} ms (${runs.map((r) => pick(r).toFixed(0)).join(', ')})${target}`,
        );
      console.log(`\n${name}: ${text.length.toLocaleString('en')} characters`);
      row('longest main-thread task', (r) => r.longestTaskMs, ` — target ≤ ${MAX_TASK_MS} ms`);
      row('total blocking time', (r) => r.blockingMs);
      row('Ctrl+V answered (keydown → next frame)', (r) => r.pasteAnsweredMs);
      row('Ctrl+V → the next key press answered', (r) => r.nextKeyAnsweredMs);
      row('slowest later key press (keydown → frame)', (r) => r.slowestKeyMs);
      console.log(
        `  keys pressed per run: ${runs.map((r) => r.keys).join(', ')}; ${[...new Set(runs.map((r) => r.outcome))].join('; ')}`,
      );
    }
    console.log(`\n${load()} at the end`);
    await browser.close();
  } finally {
    stop();
  }
}

main().catch((error) => {
  console.error(`bench:paste could not measure: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
