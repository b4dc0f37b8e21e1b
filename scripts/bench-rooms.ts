// npm run bench:rooms -- [--learners 200] [--seconds 60] [--interval-ms 2000] [--db embedded|postgres|both]
//
// Simulated learners (HTTP clients on localhost) post a progress report every interval while a
// trainer's board listens over Server-Sent Events. Against the production build (`next start`),
// first on the embedded database, then on PostgreSQL with two app instances (learners split
// between them, the board on the second, so every event crosses instances by LISTEN/NOTIFY).
// Prints events/s, event-to-board latency (from the moment a learner sends the report to the
// moment the board has parsed the event), errors, lost and duplicated events, and server memory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOM_LIMITS } from '../lib/rooms/limits';
import { openDatabase } from '../server/db/open';
import { createRoom, joinRoom, memberForToken, recordProgress } from '../server/rooms/store';
import { createDatabase, startTestPostgres } from '../server/testing/postgres-server';
import {
  hasProductionBuild,
  openEventStream,
  roomClient,
  startAppServer,
  type AppServer,
  type StreamEvent,
} from '../e2e/helpers/server-process';

interface Options {
  learners: number;
  seconds: number;
  intervalMs: number;
  db: 'embedded' | 'postgres' | 'both';
}

function parseArgs(argv: string[]): Options {
  const options: Options = { learners: 200, seconds: 60, intervalMs: 2000, db: 'both' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = inline ?? argv[++i];
    const number = Number(value);
    switch (flag) {
      case '--learners':
      case '--seconds':
      case '--interval-ms':
        if (!Number.isFinite(number) || number <= 0) throw new Error(`${flag} needs a number > 0`);
        if (flag === '--learners') options.learners = Math.round(number);
        else if (flag === '--seconds') options.seconds = number;
        else options.intervalMs = number;
        break;
      case '--db':
        if (value !== 'embedded' && value !== 'postgres' && value !== 'both') {
          throw new Error('--db is embedded, postgres or both');
        }
        options.db = value;
        break;
      default:
        throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return options;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Result {
  label: string;
  learners: number;
  rooms: number;
  seconds: number;
  sent: number;
  acked: number;
  errors: number;
  received: number;
  lost: number;
  duplicated: number;
  gaps: number;
  eventsPerSecond: number;
  p50: number;
  p95: number;
  max: number;
  ackP50: number;
  ackP95: number;
  ackMax: number;
  rssMb: number[];
}

async function run(label: string, servers: AppServer[], options: Options): Promise<Result> {
  const clients = servers.map((s) => roomClient(s.url));
  const roomCount = Math.ceil(options.learners / ROOM_LIMITS.membersPerRoom);
  const boardServer = servers[servers.length - 1];

  const rooms: { code: string; secret: string }[] = [];
  for (let r = 0; r < roomCount; r++) {
    const created = await clients[0]('POST', '/api/rooms', {
      body: { name: `Bench ${r + 1}`, open: ['base-image'] },
    });
    if (created.status !== 201) throw new Error(`create room: ${JSON.stringify(created.body)}`);
    rooms.push({ code: created.body.code, secret: created.body.trainerSecret });
  }

  type Learner = { index: number; room: number; server: number; memberId: string; token: string };
  const learners: Learner[] = [];
  for (let start = 0; start < options.learners; start += 20) {
    const batch = Array.from(
      { length: Math.min(20, options.learners - start) },
      (_, k) => start + k,
    );
    await Promise.all(
      batch.map(async (index) => {
        const room = index % roomCount;
        const server = index % servers.length;
        const joined = await clients[server]('POST', `/api/rooms/${rooms[room].code}/members`, {
          body: { nickname: `learner-${index}` },
        });
        if (joined.status !== 201) throw new Error(`join: ${JSON.stringify(joined.body)}`);
        learners.push({ index, room, server, ...joined.body });
      }),
    );
  }

  // The board: one stream per room, from the snapshot's event number on.
  const sentAt = new Map<string, number>();
  const ackedKeys = new Set<string>();
  const latencies: number[] = [];
  const seenKeys = new Set<string>();
  let received = 0;
  let duplicated = 0;
  let gaps = 0;
  const streams = [];
  for (const room of rooms) {
    const snapshot = await clients[clients.length - 1]('GET', `/api/rooms/${room.code}/board`, {
      token: room.secret,
    });
    let last = snapshot.body.seq as number;
    const onEvent = (event: StreamEvent) => {
      const now = performance.now();
      const id = event.id ?? 0;
      if (id <= last) {
        duplicated++;
        return;
      }
      if (id !== last + 1) gaps += id - last - 1;
      last = id;
      const data = event.data as { kind: string; memberId?: string; progress?: { bytes?: number } };
      if (data.kind !== 'progress') return;
      received++;
      const key = `${data.memberId}:${data.progress?.bytes}`;
      if (seenKeys.has(key)) duplicated++;
      seenKeys.add(key);
      const t0 = sentAt.get(key);
      if (t0 !== undefined) latencies.push(now - t0);
    };
    const stream = await openEventStream(boardServer.url, room.code, room.secret, onEvent, last);
    if (stream.status !== 200) throw new Error(`board stream: ${stream.status}`);
    streams.push(stream);
  }

  const rssPeak = servers.map(() => 0);
  const sampler = setInterval(() => {
    servers.forEach((s, i) => (rssPeak[i] = Math.max(rssPeak[i], s.rssBytes())));
  }, 1000);

  let sent = 0;
  let errors = 0;
  const ackMs: number[] = [];
  const firstError: string[] = [];
  const started = performance.now();
  const endAt = started + options.seconds * 1000;
  await Promise.all(
    learners.map(async (learner) => {
      await sleep(Math.random() * options.intervalMs);
      for (let k = 1; performance.now() < endAt; k++) {
        const tick = performance.now();
        const bytes = 1_000_000 + k;
        const key = `${learner.memberId}:${bytes}`;
        const body = {
          reports: [
            {
              id: `bench-${learner.index}-${k}`,
              lesson: 'base-image',
              at: new Date().toISOString(),
              bytes,
              goalsMet: 1,
              goalsTotal: 2,
              isCompleted: false,
            },
          ],
        };
        const sendAt = performance.now();
        sentAt.set(key, sendAt);
        sent++;
        const request = clients[learner.server](
          'POST',
          `/api/rooms/${rooms[learner.room].code}/progress`,
          {
            token: learner.token,
            body,
          },
        ).then(
          (answer) => {
            ackMs.push(performance.now() - sendAt);
            if (answer.status === 200) ackedKeys.add(key);
            else {
              errors++;
              if (firstError.length < 3)
                firstError.push(`${answer.status} ${JSON.stringify(answer.body)}`);
            }
          },
          (error: unknown) => {
            errors++;
            if (firstError.length < 3) firstError.push(String(error));
          },
        );
        await request;
        await sleep(Math.max(0, options.intervalMs - (performance.now() - tick)));
      }
    }),
  );
  const elapsedS = (performance.now() - started) / 1000;
  // Give the last events time to arrive before counting what is missing.
  const drainUntil = performance.now() + 10_000;
  while ([...ackedKeys].some((k) => !seenKeys.has(k)) && performance.now() < drainUntil) {
    await sleep(50);
  }
  clearInterval(sampler);
  servers.forEach((s, i) => (rssPeak[i] = Math.max(rssPeak[i], s.rssBytes())));
  for (const stream of streams) stream.close();
  if (firstError.length) console.log(`  first errors: ${firstError.join(' | ')}`);

  const lost = [...ackedKeys].filter((k) => !seenKeys.has(k)).length;
  const sorted = latencies.sort((a, b) => a - b);
  const acks = ackMs.sort((a, b) => a - b);
  return {
    label,
    learners: options.learners,
    rooms: roomCount,
    seconds: Math.round(elapsedS * 10) / 10,
    sent,
    acked: ackedKeys.size,
    errors,
    received,
    lost,
    duplicated,
    gaps,
    eventsPerSecond: received / elapsedS,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? Number.NaN,
    ackP50: percentile(acks, 50),
    ackP95: percentile(acks, 95),
    ackMax: acks.at(-1) ?? Number.NaN,
    rssMb: rssPeak.map((b) => Math.round(b / 1e6)),
  };
}

function print(result: Result): void {
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  console.log(`\n${result.label}`);
  console.log(
    `  learners ${result.learners} in ${result.rooms} room(s), ${result.seconds} s: ` +
      `${result.sent} reports sent, ${result.acked} acknowledged, ${result.errors} errors`,
  );
  console.log(
    `  board: ${result.received} progress events, ${result.eventsPerSecond.toFixed(1)} events/s, ` +
      `lost ${result.lost}, duplicated ${result.duplicated}, gaps in ids ${result.gaps}`,
  );
  console.log(
    `  event-to-board latency: p50 ${ms(result.p50)}, p95 ${ms(result.p95)}, max ${ms(result.max)}`,
  );
  console.log(
    `  report round trip (sent to acknowledged): p50 ${ms(result.ackP50)}, p95 ${ms(result.ackP95)}, max ${ms(result.ackMax)}`,
  );
  console.log(
    `  server memory (peak RSS per instance): ${result.rssMb.map((m) => `${m} MB`).join(', ')}`,
  );
}

/**
 * What one report costs the embedded database without HTTP: 200 progress reports one after the
 * other in this process, 200 sent at once by 200 learners (folded into few transactions), and
 * 200 token checks. This is the ceiling of one embedded instance.
 */
async function storeCost(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'layerlab-bench-store-'));
  const database = await openDatabase({ dataDir });
  try {
    const { room } = await createRoom(database, { name: 'Store', open: [] }, ['base-image']);
    const joined = await joinRoom(database, room, 'solo');
    if (!joined.ok) throw new Error('join failed');
    const count = 200;
    let started = performance.now();
    for (let k = 0; k < count; k++) {
      await recordProgress(database, room, joined.member, [
        {
          id: `store-${k}-bench`,
          lesson: 'base-image',
          at: new Date().toISOString(),
          bytes: 1000 + k,
          goalsMet: 1,
          goalsTotal: 2,
          isCompleted: false,
        },
      ]);
    }
    const reportMs = (performance.now() - started) / count;
    // The same number of reports from as many learners at once: the store folds those that wait.
    const many = [];
    for (let k = 0; k < count; k++) {
      const other = await joinRoom(database, room, `at-once-${k}`);
      if (!other.ok) throw new Error('join failed');
      many.push(other.member);
    }
    started = performance.now();
    await Promise.all(
      many.map((member, k) =>
        recordProgress(database, room, member, [
          {
            id: `store-at-once-${k}`,
            lesson: 'base-image',
            at: new Date().toISOString(),
            bytes: 2000 + k,
            goalsMet: 1,
            goalsTotal: 2,
            isCompleted: false,
          },
        ]),
      ),
    );
    const foldedMs = (performance.now() - started) / count;
    started = performance.now();
    for (let k = 0; k < count; k++) await memberForToken(database.db, room.code, joined.token);
    const tokenMs = (performance.now() - started) / count;
    console.log(
      `\nembedded store, in-process, ${count} reports: ${reportMs.toFixed(1)} ms per report one after the other, ${foldedMs.toFixed(1)} ms per report from ${count} learners at once; ${tokenMs.toFixed(1)} ms per token check`,
    );
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (!hasProductionBuild()) {
    console.log('No production build yet: running npm run build first.');
    const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  console.log(
    `bench:rooms: ${options.learners} learners, a report every ${options.intervalMs} ms each, for ${options.seconds} s (${os.cpus().length} CPUs)`,
  );

  if (options.db !== 'postgres') {
    await storeCost();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'layerlab-bench-'));
    const server = await startAppServer({ env: { LAYERLAB_DATA_DIR: dataDir } });
    try {
      print(await run('embedded database (PGlite), one instance', [server], options));
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  if (options.db !== 'embedded') {
    const postgres = await startTestPostgres();
    const servers: AppServer[] = [];
    try {
      const url = await createDatabase(postgres.url, `bench_${Date.now()}`);
      servers.push(await startAppServer({ env: { DATABASE_URL: url } }));
      servers.push(await startAppServer({ env: { DATABASE_URL: url } }));
      print(
        await run(
          'PostgreSQL, two instances (learners on both, board on the second)',
          servers,
          options,
        ),
      );
    } finally {
      for (const server of servers) await server.stop();
      await postgres.stop();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
