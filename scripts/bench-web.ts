/**
 * `npm run bench:web` — measures the site as a learner meets it and prints the figures.
 * Not a test: it prints numbers against targets and exits 0 unless it could not measure.
 *
 *  1. First-load JS of the lesson page before the editor opens (gzip, the scripts the HTML names).
 *  2. Time until the editor accepts input (navigation start → a typed character is in the editor).
 *  3. Keystroke → updated size estimate, p50/p95 over 200 keystrokes.
 *
 * Uses the production build in `.next` (builds it when missing or with --build) on port 3300.
 */
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { findChromium } from '../e2e/helpers/browser';
import { formatBytes } from '../lib/format';

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const ORIGIN = `http://localhost:${PORT}`;
const LESSON = '/lessons/base-image';
const KEYSTROKES = 200;
const EDITOR_RUNS = 5;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server at ${url} did not answer within ${timeoutMs} ms`);
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

async function main(): Promise<void> {
  const shouldBuild = process.argv.includes('--build') || !existsSync('.next/BUILD_ID');
  if (shouldBuild) {
    console.log('building (next build)…');
    execSync('npx next build', {
      stdio: 'inherit',
      env: { ...process.env, NEXT_DIST_DIR: '.next' },
    });
  }
  const server: ChildProcess = spawn('npx', ['next', 'start', '-p', String(PORT)], {
    stdio: 'ignore',
    detached: true,
    env: { ...process.env, NEXT_DIST_DIR: '.next' },
  });
  const stop = () => {
    try {
      if (server.pid) process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  try {
    await waitForServer(ORIGIN + '/', 60_000);

    const js = await firstLoadJs();
    const stats = existsSync('.next/diagnostics/route-bundle-stats.json')
      ? JSON.parse(readFileSync('.next/diagnostics/route-bundle-stats.json', 'utf8'))
      : undefined;

    const { executablePath, args } = findChromium();
    const browser = await chromium.launch({ executablePath, args });

    const editorTimes: number[] = [];
    for (let run = 0; run < EDITOR_RUNS; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(ORIGIN + LESSON);
      await page.locator('[data-editor-ready="true"]').first().waitFor({ timeout: 30_000 });
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.insertText('#');
      await page.waitForFunction(
        `Array.from(document.querySelectorAll('.monaco-editor .view-line')).some((l) => (l.textContent || '').includes('#'))`,
      );
      editorTimes.push(Date.now() - started);
      await context.close();
    }

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(ORIGIN + LESSON);
    await page.locator('[data-editor-ready="true"]').first().waitFor({ timeout: 30_000 });
    const size = page.getByTestId('estimated-size').first();
    await size.waitFor();
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('# ');
    const latencies: number[] = [];
    for (let i = 0; i < KEYSTROKES; i++) {
      const before = Number(await size.getAttribute('data-seq'));
      const t0 = await page.evaluate(() => performance.now());
      await page.keyboard.insertText(String.fromCharCode(97 + (i % 26)));
      // A string, not a function: tsx would wrap named helpers with __name, unknown in the page.
      const t1: number = await page.evaluate(`new Promise((resolve) => {
        const el = document.querySelector('[data-testid="estimated-size"]');
        const done = () => Number(el?.getAttribute('data-seq')) > ${before} &&
          el?.getAttribute('data-stale') !== 'true';
        if (done()) return resolve(performance.now());
        const observer = new MutationObserver(() => {
          if (done()) { observer.disconnect(); resolve(performance.now()); }
        });
        observer.observe(el, { attributes: true });
      })`);
      latencies.push(t1 - t0);
    }
    await browser.close();

    const kb = formatBytes; // decimal kB, like every other size we print
    console.log('\nLayerlab web benchmark (production build, localhost, Chromium headless)\n');
    console.log(
      `first-load JS, ${LESSON} before the editor: ${kb(js.gzipBytes)} gzip ` +
        `(${kb(js.rawBytes)} raw, ${js.files} script files) — target ≤ ${formatBytes(150 * 1024)} gzip (150 KiB)`,
    );
    console.log(
      `  plus inline scripts in the HTML (RSC payload with the prose): ${kb(js.inlineGzipBytes)} gzip`,
    );
    if (stats) {
      const entry = JSON.stringify(stats).match(/"firstLoadUncompressedJsBytes":\s*(\d+)/);
      if (entry)
        console.log(
          `  (next diagnostics, uncompressed first-load of a route: ${kb(Number(entry[1]))})`,
        );
    }
    console.log(
      `editor accepts input: median ${percentile(editorTimes, 50).toFixed(0)} ms, ` +
        `max ${Math.max(...editorTimes).toFixed(0)} ms over ${EDITOR_RUNS} cold loads — target ≤ 1500 ms`,
    );
    console.log(
      `keystroke → updated estimate: p50 ${percentile(latencies, 50).toFixed(1)} ms, ` +
        `p95 ${percentile(latencies, 95).toFixed(1)} ms over ${KEYSTROKES} keystrokes — target ≤ 50 ms`,
    );
  } finally {
    stop();
  }
}

main().catch((error) => {
  console.error(`bench:web could not measure: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
