// npm run docs:screenshots -- [--url http://localhost:3000]
//
// Writes docs/room-board.png, the board in the README's trainer guide. Starts the production
// server (`next start` on a free port, with a throwaway data folder; `npm run build` first when
// there is no build) unless --url names a running one, creates a room, joins three simulated
// learners through the HTTP API, posts their progress and a raised hand, and photographs the
// board in headless Chromium (the same browser the end-to-end tests use).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from '../e2e/helpers/browser';
import {
  hasProductionBuild,
  roomClient,
  startAppServer,
  type AppServer,
} from '../e2e/helpers/server-process';

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'docs', 'room-board.png');

function parseArgs(argv: string[]): { url?: string } {
  const options: { url?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    if (flag !== '--url') throw new Error(`unknown option ${argv[i]}`);
    const value = inline ?? argv[++i];
    if (!value || !/^https?:\/\/[^/]+$/.test(value)) {
      throw new Error('--url is http://host:port (no path)');
    }
    options.url = value;
  }
  return options;
}

const lessonFile = (name: string) =>
  readFileSync(path.join(ROOT, 'content', 'lessons', '01-base-image', name), 'utf8');

async function populate(url: string): Promise<{ code: string; secret: string }> {
  const api = roomClient(url);
  const created = await api('POST', '/api/rooms', {
    body: { name: 'Platform team, Tuesday', open: ['base-image'] },
  });
  if (created.status !== 201) throw new Error(`create room: ${JSON.stringify(created.body)}`);
  const { code, trainerSecret: secret } = created.body as { code: string; trainerSecret: string };
  const join = async (nickname: string) => {
    const joined = await api('POST', `/api/rooms/${code}/members`, { body: { nickname } });
    if (joined.status !== 201) throw new Error(`join ${nickname}: ${JSON.stringify(joined.body)}`);
    return joined.body as { token: string };
  };
  const report = async (token: string, reports: Record<string, unknown>[]) => {
    const answer = await api('POST', `/api/rooms/${code}/progress`, { token, body: { reports } });
    if (answer.status !== 200) throw new Error(`progress: ${JSON.stringify(answer.body)}`);
  };
  const at = () => new Date().toISOString();
  const start = lessonFile('start.Dockerfile');
  const solution = lessonFile('solution.Dockerfile');

  const ada = await join('Ada');
  const grace = await join('Grace');
  const linus = await join('Linus');
  // Ada finished lesson 1; Grace is half-way; Linus has tried and is stuck.
  await report(ada.token, [
    {
      id: 'docs-ada-1',
      lesson: 'base-image',
      at: at(),
      bytes: 1_120_000_000,
      goalsMet: 0,
      goalsTotal: 2,
      isCompleted: false,
    },
    {
      id: 'docs-ada-2',
      lesson: 'base-image',
      at: at(),
      bytes: 187_000_000,
      goalsMet: 2,
      goalsTotal: 2,
      isCompleted: true,
      score: 100,
      dockerfile: solution,
    },
  ]);
  await report(grace.token, [
    {
      id: 'docs-grace-1',
      lesson: 'base-image',
      at: at(),
      bytes: 412_000_000,
      goalsMet: 1,
      goalsTotal: 2,
      isCompleted: false,
    },
  ]);
  await report(linus.token, [
    {
      id: 'docs-linus-1',
      lesson: 'base-image',
      at: at(),
      bytes: 1_120_000_000,
      goalsMet: 0,
      goalsTotal: 2,
      isCompleted: false,
      dockerfile: start,
    },
  ]);
  const hand = await api('POST', `/api/rooms/${code}/hand`, {
    token: linus.token,
    body: { raised: true },
  });
  if (hand.status !== 200) throw new Error(`hand: ${JSON.stringify(hand.body)}`);
  return { code, secret };
}

async function photograph(url: string, code: string, secret: string): Promise<void> {
  const found = findChromium();
  const browser = await chromium.launch({ executablePath: found.executablePath, args: found.args });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${url}/rooms/${code}/board#key=${secret}`);
    await page.getByTestId('raised-hand').waitFor();
    await page.locator('[data-testid="board-cell"][data-state="completed"]').first().waitFor();
    await page.screenshot({ path: OUT, fullPage: true });
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  let server: AppServer | undefined;
  let dataDir: string | undefined;
  let url = options.url;
  if (!url) {
    if (!hasProductionBuild()) {
      console.log('No production build yet: running npm run build first.');
      const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', cwd: ROOT });
      if (built.status !== 0) process.exit(built.status ?? 1);
    }
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'layerlab-docs-'));
    server = await startAppServer({ env: { LAYERLAB_DATA_DIR: dataDir } });
    url = server.url;
  }
  try {
    const { code, secret } = await populate(url);
    await photograph(url, code, secret);
    console.log(`wrote ${path.relative(ROOT, OUT)} (room ${code} on ${url})`);
  } finally {
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
