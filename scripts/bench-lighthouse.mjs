/**
 * `npm run bench:lighthouse` — Lighthouse (desktop preset) on the first lesson of the production
 * build, and prints the accessibility and performance scores with the metrics behind them.
 * Not a test: it prints figures against the targets (accessibility 100, performance ≥ 98).
 *
 * Uses the build in `.next` (builds it when missing or with --build) on port 3143 (BENCH_PORT).
 * Chromium: CHROME_PATH, else a system Chromium, else Playwright's own.
 * Lighthouse is pinned to 12.2.3: 13 needs Node 22. Plain Node, not tsx: Lighthouse sends its
 * functions' source to the page, and tsx's name helpers would go with them.
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { QUIET_ARGS, chromiumBinary } from '../e2e/helpers/chromium.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 3143);
const URL_UNDER_TEST = `http://localhost:${PORT}/lessons/base-image`;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

async function waitForServer(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server at ${url} did not answer within ${timeoutMs} ms`);
}

function load() {
  return `load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')} on ${cpus().length} cores`;
}

async function main() {
  if (process.argv.includes('--build') || !existsSync('.next/BUILD_ID')) {
    console.log('building (next build)…');
    execSync('npx next build', {
      stdio: 'inherit',
      env: { ...process.env, NEXT_DIST_DIR: '.next' },
    });
  }
  const server = spawn('npx', ['next', 'start', '-p', String(PORT)], {
    stdio: 'ignore',
    detached: true,
    env: { ...process.env, NEXT_DIST_DIR: '.next', NEXT_TELEMETRY_DISABLED: '1' },
  });
  const stop = () => {
    try {
      if (server.pid) process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  const chromePath = chromiumBinary(process.env.CHROME_PATH).path;
  const chrome = await launch({ chromePath, chromeFlags: [...QUIET_ARGS, '--headless=new'] });
  try {
    await waitForServer(URL_UNDER_TEST, 60_000);
    // One uncounted load warms the server.
    await fetch(URL_UNDER_TEST);
    const runs = [];
    const failing = new Set();
    const shifts = new Set();
    const longTasks = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(
        URL_UNDER_TEST,
        { port: chrome.port, output: 'json', logLevel: 'error' },
        desktopConfig,
      );
      if (!result) throw new Error('Lighthouse returned nothing');
      const { categories, audits } = result.lhr;
      const metric = (id) => Number(audits[id]?.numericValue ?? NaN);
      runs.push({
        perf: Math.round((categories.performance?.score ?? 0) * 100),
        a11y: Math.round((categories.accessibility?.score ?? 0) * 100),
        metrics: {
          FCP: metric('first-contentful-paint'),
          LCP: metric('largest-contentful-paint'),
          TBT: metric('total-blocking-time'),
          CLS: metric('cumulative-layout-shift'),
          SI: metric('speed-index'),
        },
      });
      // The main thread's long tasks (over 50 ms) and what ran in them: what total blocking time
      // is made of (the script URL, the task's start and length, Lighthouse's simulated figures).
      longTasks.push(
        (audits['long-tasks']?.details?.items ?? []).map(
          (item) =>
            `${String(item.url ?? '?').replace(/^https?:\/\/[^/]+/, '')} at ${Math.round(item.startTime)} ms for ${Math.round(item.duration)} ms`,
        ),
      );
      for (const item of audits['layout-shifts']?.details?.items ?? [])
        shifts.add(`${item.node?.selector ?? '?'} (${Number(item.score).toFixed(3)})`);
      for (const ref of categories.accessibility?.auditRefs ?? []) {
        const audit = audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
          failing.add(
            `${ref.id}: ${audit.title} (${(audit.details?.items ?? [])
              .map((item) => item.node?.selector ?? item.node?.snippet ?? '?')
              .join(', ')})`,
          );
      }
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(`\nLighthouse 12.2.3, desktop preset, ${URL_UNDER_TEST}, ${RUNS} runs; ${load()}`);
    console.log(
      `  performance: ${runs.map((r) => r.perf).join(', ')} (median ${median(runs.map((r) => r.perf))}) — target ≥ 98`,
    );
    console.log(
      `  accessibility: ${runs.map((r) => r.a11y).join(', ')} (median ${median(runs.map((r) => r.a11y))}) — target 100`,
    );
    for (const name of Object.keys(runs[0].metrics)) {
      const values = runs.map((r) => r.metrics[name]);
      const unit = name === 'CLS' ? '' : ' ms';
      const fmt = (v) => (name === 'CLS' ? v.toFixed(3) : v.toFixed(0));
      console.log(
        `  ${name}: median ${fmt(median(values))}${unit} (${values.map(fmt).join(', ')})`,
      );
    }
    longTasks.forEach((tasks, i) =>
      console.log(`  long tasks, run ${i + 1}: ${tasks.length ? tasks.join('; ') : 'none'}`),
    );
    if (shifts.size) console.log(`  layout shifts: ${[...shifts].join('; ')}`);
    if (failing.size) console.log(`  accessibility audits not passed: ${[...failing].join('; ')}`);
  } finally {
    await chrome.kill();
    stop();
  }
}

main().catch((error) => {
  console.error(
    `bench:lighthouse could not measure: ${error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
});
