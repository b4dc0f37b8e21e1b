/**
 * `npm run bench:web` — measures the site as a learner meets it and prints the figures.
 * Not a test: it prints numbers against targets and exits 0 unless it could not measure.
 *
 *  1. First-load JS of the lesson page before the editor opens (gzip, the scripts the HTML names).
 *  2. Cold loads (fresh browser context each): navigation start → a typed character visible in
 *     the first lesson's editor, and the JavaScript transferred by then.
 *  3. Edit → estimate on screen, read from the page's own Performance API measures
 *     (`layerlab:edit-to-estimate`, see Workbench.tsx): 200 single keystrokes, 200 100-line
 *     Dockerfiles pasted with Ctrl+V, and the same texts as one input event each, p50/p95.
 *
 * `--vs-tutorialkit` also creates the TutorialKit starter (@tutorialkit/cli 1.6.0, from the npm
 * registry) in the system's temporary folder, builds it, serves it with `astro preview`, and
 * measures its first lesson in the same run, loads interleaved with ours, so the machine's load
 * falls on both. The starter is kept between runs (delete the folder to start over).
 *
 * Uses the production build in `.next` (builds it when missing or with --build) on port 3140
 * (BENCH_PORT); the starter is served on the next port.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir, loadavg, cpus } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page, type Response } from '@playwright/test';
import { findChromium } from '../e2e/helpers/browser';
import { formatBytes } from '../lib/format';
import { serve, waitForServer } from './bench-server';

const PORT = Number(process.env.BENCH_PORT ?? 3140);
const TK_PORT = PORT + 1;
const ORIGIN = `http://localhost:${PORT}`;
const LESSON = '/lessons/base-image';
const EDITS = 200;
const COLD_LOADS = Number(process.env.BENCH_LOADS ?? 5);
const TK_VERSION = '1.6.0';
const TK_DIR = path.join(tmpdir(), `layerlab-bench-tutorialkit-${TK_VERSION}`);
/** A marker nobody's starting file contains, typed at the end of the editor. */
const MARK = 'zq7';

const args = process.argv.slice(2);
const vsTutorialKit = args.includes('--vs-tutorialkit');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}
const median = (values: number[]) => percentile(values, 50);

function load(): string {
  return `load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')} on ${cpus().length} cores`;
}

async function firstLoadJs(): Promise<{
  gzipBytes: number;
  rawBytes: number;
  files: number;
  inlineGzipBytes: number;
}> {
  const html = await (await fetch(ORIGIN + LESSON)).text();
  const srcs = new Set<string>();
  for (const match of html.matchAll(/<script([^>]+)>/g)) {
    const src = /\ssrc="([^"]+)"/.exec(match[1]);
    // noModule polyfills are never fetched by the browsers that run the site.
    if (src && !/\snomodule/i.test(match[1])) srcs.add(src[1]);
  }
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, ORIGIN))).arrayBuffer());
    rawBytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  // Inline scripts (the RSC payload with the lesson's prose, the theme script) come with the HTML.
  let inlineGzipBytes = 0;
  for (const match of html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)) {
    inlineGzipBytes += gzipSync(Buffer.from(match[1]), { level: 9 }).length;
  }
  return { gzipBytes, rawBytes, files: srcs.size, inlineGzipBytes };
}

/** Creates (once) and builds (once) the TutorialKit starter outside the repository. */
function prepareTutorialKit(): void {
  if (!existsSync(path.join(TK_DIR, 'node_modules', '.bin', 'astro'))) {
    console.log(`creating the TutorialKit starter in ${TK_DIR}…`);
    execSync(
      `npx --yes @tutorialkit/cli@${TK_VERSION} create tk-starter --dir ${JSON.stringify(TK_DIR)} ` +
        '--defaults --no-git --no-start --install --package-manager npm --provider skip --force',
      { stdio: 'inherit', cwd: tmpdir() },
    );
  }
  if (!existsSync(path.join(TK_DIR, 'dist', 'index.html'))) {
    console.log('building the TutorialKit starter (astro build)…');
    // `npm run build` is `astro check && astro build`; the check changes nothing in the output.
    execSync('npx astro build', { stdio: 'inherit', cwd: TK_DIR });
  }
}

interface Target {
  name: string;
  url: string;
  /** An element that takes typing once it is there. */
  editable: string;
  /** Elements of the editor whose text (a textarea's value) shows what was typed. */
  visible: string;
}

const OURS: Target = {
  name: 'Layerlab',
  url: ORIGIN + LESSON,
  // The plain text editor shown until Monaco takes over, or Monaco itself.
  editable: 'textarea[data-early-editor]:not([readonly]), [data-editor-ready="true"] .view-lines',
  visible: 'textarea[data-early-editor], .monaco-editor .view-line',
};

const TUTORIALKIT: Target = {
  name: 'TutorialKit starter',
  url: `http://localhost:${TK_PORT}/`,
  editable: '.cm-content[contenteditable="true"]',
  visible: '.cm-content',
};

interface ColdLoad {
  /** Navigation start → MARK visible in the editor, ms (page clock). */
  keystrokeMs: number;
  /** JS responses finished by then: gzip -9 of their bodies (what a gzip server sends). */
  jsGzipBytes: number;
  /** The same responses' bytes as this server sent them (Next gzips, astro preview does not). */
  jsWireBytes: number;
  jsFiles: number;
  /** Of `jsGzipBytes`, what the page's own thread fetched (the rest went to Web Workers). */
  jsMainGzipBytes: number;
  /** Our page only: navigation start → Monaco created (performance mark), if it was by then. */
  monacoReadyMs?: number;
  /** Requests to any other host. */
  foreign: string[];
}

async function coldLoad(browser: Browser, target: Target): Promise<ColdLoad> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const responses: Response[] = [];
  const foreign: string[] = [];
  const origin = new URL(target.url).origin;
  context.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:'))
      foreign.push(request.url());
  });
  context.on('response', (response) => responses.push(response));
  await page.goto(target.url, { waitUntil: 'commit' });
  const editable = page.locator(target.editable).first();
  await editable.waitFor({ timeout: 60_000 });
  await editable.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(MARK);
  const handle = await page
    .waitForFunction(
      // A function, not a string: the site's CSP forbids evaluating strings in the page. An
      // anonymous arrow, so the TypeScript runner wraps nothing in helpers the page lacks.
      ({ selector, mark }) =>
        Array.from(document.querySelectorAll(selector)).some((el) =>
          (el instanceof HTMLTextAreaElement ? el.value : el.textContent || '').includes(mark),
        )
          ? performance.timeOrigin + performance.now()
          : false,
      { selector: target.visible, mark: MARK },
      { polling: 'raf', timeout: 30_000 },
    )
    .catch(async (error: Error) => {
      await page.screenshot({ path: path.join(tmpdir(), 'layerlab-bench-failed.png') });
      throw new Error(`${target.name}: the typed text never showed (${error.message})`);
    });
  const atEpoch = Number(await handle.jsonValue());
  const timeOrigin = Number(await page.evaluate('performance.timeOrigin'));
  // The document's own resource timeline lists what its thread fetched, not what workers did.
  const mainThreadUrls = new Set(
    (await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => entry.name),
    )) as string[],
  );
  const monacoMark = Number(
    await page.evaluate(
      `(performance.getEntriesByName('layerlab:monaco-ready')[0] || { startTime: NaN }).startTime`,
    ),
  );
  let jsGzipBytes = 0;
  let jsWireBytes = 0;
  let jsFiles = 0;
  let jsMainGzipBytes = 0;
  for (const response of responses) {
    const request = response.request();
    const type = response.headers()['content-type'] ?? '';
    if (!/javascript|ecmascript/.test(type) && request.resourceType() !== 'script') continue;
    const timing = request.timing();
    if (timing.responseEnd < 0 || timing.startTime + timing.responseEnd > atEpoch) continue;
    const body = await response.body().catch(() => undefined);
    if (!body) continue;
    const sizes = await request.sizes();
    jsFiles++;
    const gzip = gzipSync(body, { level: 9 }).length;
    jsGzipBytes += gzip;
    if (mainThreadUrls.has(response.url())) jsMainGzipBytes += gzip;
    jsWireBytes += sizes.responseBodySize;
  }
  await context.close();
  const keystrokeMs = atEpoch - timeOrigin;
  return {
    keystrokeMs,
    jsGzipBytes,
    jsWireBytes,
    jsFiles,
    jsMainGzipBytes,
    monacoReadyMs:
      Number.isFinite(monacoMark) && monacoMark <= keystrokeMs ? monacoMark : undefined,
    foreign,
  };
}

/** A 100-line Dockerfile, different per `i`, for the paste benchmark. */
function pastedDockerfile(i: number): string {
  const lines = ['# syntax=docker/dockerfile:1', `FROM node:20-bookworm-slim AS build${i % 7}`];
  lines.push('WORKDIR /app', 'ARG NODE_ENV=production', `ENV APP_VERSION=1.${i}.0`);
  while (lines.length < 95) {
    const n = lines.length;
    if (n % 9 === 0) lines.push(`# step ${n} of paste ${i}`);
    else if (n % 5 === 0) lines.push(`COPY src/part${n}.js ./src/`);
    else if (n % 7 === 0) lines.push(`ENV PART_${n}=${i}`);
    else lines.push(`RUN echo ${n} > /tmp/f${n}`);
  }
  lines.push('FROM node:20-alpine', 'WORKDIR /app', 'COPY --from=build0 /app /app');
  lines.push('USER node', 'CMD ["node", "src/index.js"]');
  return lines.join('\n') + '\n';
}

/** Waits until the page has measured one more edit → estimate, and returns it. */
async function nextMeasure(page: Page, count: number): Promise<number> {
  const handle = await page.waitForFunction(
    (seen) => {
      const all = performance.getEntriesByName('layerlab:edit-to-estimate');
      return all.length > seen ? all[all.length - 1].duration : false;
    },
    count,
    { polling: 'raf', timeout: 10_000 },
  );
  return Number(await handle.jsonValue());
}

async function editLatencies(
  browser: Browser,
): Promise<{ keys: number[]; pastes: number[]; inputs: number[] }> {
  const context = await browser.newContext();
  // A real paste (Ctrl+V) reads the clipboard, which the page fills first.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  const page = await context.newPage();
  await page.goto(ORIGIN + LESSON);
  await page.locator('[data-editor-ready="true"]').first().waitFor({ timeout: 60_000 });
  await page.getByTestId('estimated-size').first().waitFor();
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('# ');
  await page.waitForTimeout(300);
  const count = () =>
    page.evaluate(
      `performance.getEntriesByName('layerlab:edit-to-estimate').length`,
    ) as Promise<number>;
  const keys: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const before = await count();
    await page.keyboard.insertText(String.fromCharCode(97 + (i % 26)));
    keys.push(await nextMeasure(page, before));
  }
  const pastes: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    await page.keyboard.press('Control+A');
    await page.evaluate((text) => navigator.clipboard.writeText(text), pastedDockerfile(i));
    const before = await count();
    // Ctrl+V: Monaco's paste command, one edit for the whole text, as a learner's paste is.
    await page.keyboard.press('Control+V');
    pastes.push(await nextMeasure(page, before));
  }
  // The same texts as one input event (what an IME commit or dictation gives, and what
  // Playwright's insertText sends), which reach Monaco's `type` command (see monaco-setup.ts).
  const inputs: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    await page.keyboard.press('Control+A');
    const before = await count();
    await page.keyboard.insertText(pastedDockerfile(i + EDITS));
    inputs.push(await nextMeasure(page, before));
  }
  const last = String(await page.evaluate('window.__layerlab.editorText()'));
  if (last !== pastedDockerfile(2 * EDITS - 1))
    throw new Error('the editor does not hold the last text entered');
  await context.close();
  return { keys, pastes, inputs };
}

async function main(): Promise<void> {
  const shouldBuild = args.includes('--build') || !existsSync('.next/BUILD_ID');
  if (shouldBuild) {
    console.log('building (next build)…');
    execSync('npx next build', {
      stdio: 'inherit',
      env: { ...process.env, NEXT_DIST_DIR: '.next', NEXT_TELEMETRY_DISABLED: '1' },
    });
  }
  if (vsTutorialKit) prepareTutorialKit();
  const stops = [serve('npx', ['next', 'start', '-p', String(PORT)], process.cwd())];
  if (vsTutorialKit)
    stops.push(serve('npx', ['astro', 'preview', '--port', String(TK_PORT)], TK_DIR));
  try {
    await waitForServer(ORIGIN + '/', 60_000);
    if (vsTutorialKit) await waitForServer(TUTORIALKIT.url, 60_000);

    const js = await firstLoadJs();
    const stats = existsSync('.next/diagnostics/route-bundle-stats.json')
      ? JSON.parse(readFileSync('.next/diagnostics/route-bundle-stats.json', 'utf8'))
      : undefined;

    const { executablePath, args: chromiumArgs } = findChromium();
    const browser = await chromium.launch({ executablePath, args: chromiumArgs });
    const targets = vsTutorialKit ? [OURS, TUTORIALKIT] : [OURS];
    const loadAtStart = load();
    // One load each first, not counted: it warms the servers (Node JIT, file cache), not the browser.
    for (const target of targets) await coldLoad(browser, target);
    const loads = new Map<Target, ColdLoad[]>(targets.map((t) => [t, []]));
    for (let run = 0; run < COLD_LOADS; run++)
      for (const target of targets) loads.get(target)!.push(await coldLoad(browser, target));
    const loadAfterLoads = load();

    const { keys, pastes, inputs } = await editLatencies(browser);
    await browser.close();

    console.log('\nLayerlab web benchmark (production builds, localhost, Chromium headless)');
    console.log(`${loadAtStart} before the loads, ${loadAfterLoads} after\n`);
    console.log(
      `first-load JS, ${LESSON} before the editor: ${formatBytes(js.gzipBytes)} gzip ` +
        `(${formatBytes(js.rawBytes)} raw, ${js.files} script files) — target ≤ ${formatBytes(150 * 1024)} gzip (150 KiB)`,
    );
    console.log(
      `  plus inline scripts in the HTML (RSC payload with the prose): ${formatBytes(js.inlineGzipBytes)} gzip`,
    );
    if (stats) {
      const entry = JSON.stringify(stats).match(/"firstLoadUncompressedJsBytes":\s*(\d+)/);
      if (entry)
        console.log(
          `  (next diagnostics, uncompressed first-load of a route: ${formatBytes(Number(entry[1]))})`,
        );
    }
    console.log(
      `\ncold loads (${COLD_LOADS} each, interleaved, after one uncounted warm-up each):`,
    );
    const summary = new Map<Target, { ms: number; gzip: number; main: number }>();
    for (const target of targets) {
      const runs = loads.get(target)!;
      const ms = median(runs.map((r) => r.keystrokeMs));
      const gzip = median(runs.map((r) => r.jsGzipBytes));
      const main = median(runs.map((r) => r.jsMainGzipBytes));
      summary.set(target, { ms, gzip, main });
      console.log(
        `  ${target.name}: typed character visible after median ${ms.toFixed(0)} ms ` +
          `(${runs.map((r) => r.keystrokeMs.toFixed(0)).join(', ')}); JS by then median ` +
          `${formatBytes(gzip)} gzip -9 of the bodies, ${formatBytes(median(runs.map((r) => r.jsWireBytes)))} ` +
          `as sent, ${median(runs.map((r) => r.jsFiles))} files; of it, fetched by the page's ` +
          `own thread (not by Web Workers): median ${formatBytes(main)}`,
      );
      const monaco = runs.map((r) => r.monacoReadyMs).filter((v) => v !== undefined);
      if (target === OURS)
        console.log(
          `    Monaco had taken over by then in ${monaco.length} of ${runs.length} loads` +
            (monaco.length ? ` (median ${median(monaco).toFixed(0)} ms)` : ''),
        );
      const foreign = [...new Set(runs.flatMap((r) => r.foreign))];
      if (foreign.length)
        console.log(`    requests to other hosts (they fail offline): ${foreign.join(', ')}`);
    }
    if (vsTutorialKit) {
      const a = summary.get(OURS)!;
      const b = summary.get(TUTORIALKIT)!;
      console.log(
        `  ratio Layerlab / TutorialKit: time to keystroke ${(a.ms / b.ms).toFixed(2)} ` +
          `(target ≤ 1.0), JS by then ${(a.gzip / b.gzip).toFixed(2)} (target ≤ 2.0); ` +
          `page-thread JS by then ${(a.main / b.main).toFixed(2)}`,
      );
    }
    console.log('\nedit → estimate on screen (in-page Performance API measures):');
    console.log(
      `  single keystroke: p50 ${percentile(keys, 50).toFixed(1)} ms, p95 ${percentile(keys, 95).toFixed(1)} ms ` +
        `over ${keys.length} — target p95 ≤ 50 ms`,
    );
    console.log(
      `  pasted 100-line Dockerfile: p50 ${percentile(pastes, 50).toFixed(1)} ms, p95 ${percentile(pastes, 95).toFixed(1)} ms ` +
        `over ${pastes.length} (Ctrl+V) — target p95 ≤ 80 ms`,
    );
    console.log(
      `  the same texts as one input event each (an IME commit, insertText): p50 ${percentile(inputs, 50).toFixed(1)} ms, p95 ${percentile(inputs, 95).toFixed(1)} ms ` +
        `over ${inputs.length}`,
    );
    console.log(`  ${load()}`);
  } finally {
    for (const stop of stops) stop();
  }
}

main().catch((error) => {
  console.error(`bench:web could not measure: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
