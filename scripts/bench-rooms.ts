// npm run bench:rooms -- [--learners 200] [--seconds 60] [--interval-ms 2000] [--db embedded|postgres|both]
//                         [--find-limit] [--pglite-defaults]
//
// Simulated learners (HTTP clients on localhost) post a progress report every interval while a
// trainer's board listens over Server-Sent Events. Against the production build (`next start`),
// first on the embedded database, then on PostgreSQL with two app instances (learners split
// between them, the board on the second, so every event crosses instances by LISTEN/NOTIFY).
// Prints events/s, event-to-board latency (from the moment a learner sends the report to the
// moment the board has parsed the event), errors, lost and duplicated events, and server memory
// (peak RSS of each instance's process group, and where the server process's memory goes:
// `process.memoryUsage()` and PGlite's WebAssembly memory, sampled by the server each second).
//
// --find-limit raises N along 50, 100, 200, 300, 400, 600, 800, 1000 (from --learners on, runs of
// 15 s unless --seconds is given, a fresh server and database for each) until a target breaks:
// any error, lost or duplicated event, p95 event-to-board latency over 250 ms, or the board
// receiving under 95 % of the events offered (learners / interval). It prints a table per setup
// and the first N that broke, and which target.
// --pglite-defaults runs the embedded engine as PGlite ships it (LAYERLAB_PGLITE_DEFAULTS=1).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
  findLimit: boolean;
  pgliteDefaults: boolean;
}

/** The steps of --find-limit; it starts at the first one not below --learners. */
const LIMIT_STEPS = [50, 100, 200, 300, 400, 600, 800, 1000];
/** Seconds per step of --find-limit unless --seconds says otherwise. */
const LIMIT_SECONDS = 15;
const TARGET_P95_MS = 250;
const TARGET_DELIVERED = 0.95;

function parseArgs(argv: string[]): Options {
  const options: Options = {
    learners: 200,
    seconds: 60,
    intervalMs: 2000,
    db: 'both',
    findLimit: false,
    pgliteDefaults: false,
  };
  let secondsGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    if (flag === '--find-limit' || flag === '--pglite-defaults') {
      if (inline !== undefined) throw new Error(`${flag} takes no value`);
      if (flag === '--find-limit') options.findLimit = true;
      else options.pgliteDefaults = true;
      continue;
    }
    const value = inline ?? argv[++i];
    const number = Number(value);
    switch (flag) {
      case '--learners':
      case '--seconds':
      case '--interval-ms':
        if (!Number.isFinite(number) || number <= 0) throw new Error(`${flag} needs a number > 0`);
        if (flag === '--learners') options.learners = Math.round(number);
        else if (flag === '--seconds') {
          options.seconds = number;
          secondsGiven = true;
        } else options.intervalMs = number;
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
  if (options.findLimit && !secondsGiven) options.seconds = LIMIT_SECONDS;
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
  /** Peaks of the server process's own samples, per instance (none when it wrote none). */
  memory: (MemoryPeaks | undefined)[];
}

/** One line the server appends each second under LAYERLAB_MEMORY_SAMPLES (bytes). */
interface MemorySample {
  at?: number;
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  wasm?: number;
  /** CPU time (user + system) the server used since its previous sample, in ms. */
  cpuMs?: number;
  /** The longest event-loop delay since its previous sample, in ms. */
  loopMaxMs?: number;
}
type MemoryPeaks = Required<Omit<MemorySample, 'at' | 'cpuMs' | 'loopMaxMs'>> & {
  samples: number;
  wasmSeen: boolean;
  /** The server's CPU use over the samples, in % of one core. */
  cpuPercent: number;
  loopMaxMs: number;
};

function memoryPeaks(file: string): MemoryPeaks | undefined {
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const peaks: MemoryPeaks = {
    rss: 0,
    heapTotal: 0,
    heapUsed: 0,
    external: 0,
    arrayBuffers: 0,
    wasm: 0,
    samples: 0,
    wasmSeen: false,
    cpuPercent: 0,
    loopMaxMs: 0,
  };
  let cpuMs = 0;
  let first: number | undefined;
  let last: number | undefined;
  for (const line of lines) {
    let sample: MemorySample;
    try {
      sample = JSON.parse(line) as MemorySample;
    } catch {
      continue; // a line cut off by the server's stop
    }
    peaks.samples++;
    for (const key of ['rss', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers'] as const) {
      peaks[key] = Math.max(peaks[key], sample[key]);
    }
    if (typeof sample.wasm === 'number') {
      peaks.wasmSeen = true;
      peaks.wasm = Math.max(peaks.wasm, sample.wasm);
    }
    if (typeof sample.at === 'number') {
      // The first sample's CPU is the server's start-up: count from it on.
      if (first === undefined) first = sample.at;
      else cpuMs += sample.cpuMs ?? 0;
      last = sample.at;
    }
    peaks.loopMaxMs = Math.max(peaks.loopMaxMs, sample.loopMaxMs ?? 0);
  }
  if (first !== undefined && last !== undefined && last > first) {
    peaks.cpuPercent = (100 * cpuMs) / (last - first);
  }
  return peaks.samples > 0 ? peaks : undefined;
}

/** A server for the bench: memory samples go to a file in `dir`, read after the run. */
async function benchServer(
  dir: string,
  env: Record<string, string>,
): Promise<{ server: AppServer; samples: string }> {
  const samples = path.join(dir, `memory-${Math.random().toString(36).slice(2)}.jsonl`);
  const server = await startAppServer({ env: { ...env, LAYERLAB_MEMORY_SAMPLES: samples } });
  return { server, samples };
}

async function run(
  label: string,
  servers: AppServer[],
  options: Options,
  sampleFiles: string[] = [],
): Promise<Result> {
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
    // Per second of the window in which learners send (no report is sent after it); the run's
    // own length also holds the last round trips and waits.
    eventsPerSecond: received / options.seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? Number.NaN,
    ackP50: percentile(acks, 50),
    ackP95: percentile(acks, 95),
    ackMax: acks.at(-1) ?? Number.NaN,
    rssMb: rssPeak.map((b) => Math.round(b / 1e6)),
    memory: sampleFiles.map(memoryPeaks),
  };
}

function print(result: Result, options: Options): void {
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  console.log(`\n${result.label}`);
  console.log(
    `  learners ${result.learners} in ${result.rooms} room(s), ${result.seconds} s: ` +
      `${result.sent} reports sent, ${result.acked} acknowledged, ${result.errors} errors`,
  );
  console.log(
    `  board: ${result.received} progress events, ${result.eventsPerSecond.toFixed(1)} events/s ` +
      `over the ${options.seconds} s learners send (${((result.learners * 1000) / options.intervalMs).toFixed(0)}/s offered), ` +
      `lost ${result.lost}, duplicated ${result.duplicated}, gaps in ids ${result.gaps}`,
  );
  console.log(
    `  event-to-board latency: p50 ${ms(result.p50)}, p95 ${ms(result.p95)}, max ${ms(result.max)}`,
  );
  console.log(
    `  report round trip (sent to acknowledged): p50 ${ms(result.ackP50)}, p95 ${ms(result.ackP95)}, max ${ms(result.ackMax)}`,
  );
  console.log(
    `  server memory (peak RSS per instance, all its processes): ${result.rssMb.map((m) => `${m} MB`).join(', ')}`,
  );
  result.memory.forEach((m, i) => {
    if (!m) return;
    const mb = (n: number) => `${Math.round(n / 1e6)} MB`;
    console.log(
      `  instance ${i + 1} server process, peaks of ${m.samples} samples: rss ${mb(m.rss)}, ` +
        `V8 heap ${mb(m.heapUsed)} used of ${mb(m.heapTotal)}, external ${mb(m.external)} ` +
        `(array buffers ${mb(m.arrayBuffers)})` +
        (m.wasmSeen ? `, PGlite WebAssembly memory ${mb(m.wasm)}` : '') +
        `; CPU ${m.cpuPercent.toFixed(0)} % of a core, longest event-loop stall ${m.loopMaxMs} ms`,
    );
  });
}

/** The first target `result` misses, or `undefined` when it meets all of them. */
function brokenTarget(result: Result, options: Options): string | undefined {
  const offered = (result.learners * 1000) / options.intervalMs;
  if (result.errors > 0) return `${result.errors} errors`;
  if (result.lost > 0) return `${result.lost} lost`;
  if (result.duplicated > 0) return `${result.duplicated} duplicated`;
  if (!(result.p95 <= TARGET_P95_MS)) {
    return `p95 ${result.p95.toFixed(0)} ms > ${TARGET_P95_MS} ms`;
  }
  if (result.eventsPerSecond < TARGET_DELIVERED * offered) {
    return `${result.eventsPerSecond.toFixed(1)} events/s < ${Math.round(TARGET_DELIVERED * 100)} % of ${offered.toFixed(0)} offered`;
  }
  return undefined;
}

function printLimitTable(label: string, rows: Result[], options: Options): void {
  console.log(`\n${label}: where it breaks (${options.seconds} s per step)`);
  console.log(
    '  learners | offered/s | events/s | board p50 / p95 | round trip p95 | errors lost dup | peak RSS      | target',
  );
  for (const r of rows) {
    const offered = (r.learners * 1000) / options.intervalMs;
    const broken = brokenTarget(r, options);
    console.log(
      `  ${String(r.learners).padStart(8)} | ${offered.toFixed(0).padStart(9)} | ${r.eventsPerSecond.toFixed(1).padStart(8)} | ` +
        `${`${r.p50.toFixed(0)} / ${r.p95.toFixed(0)} ms`.padEnd(15)} | ${`${r.ackP95.toFixed(0)} ms`.padEnd(14)} | ` +
        `${`${r.errors} ${r.lost} ${r.duplicated}`.padEnd(15)} | ${r.rssMb
          .map((m) => `${m}`)
          .join(', ')
          .padEnd(10)} MB | ${broken ?? 'met'}`,
    );
  }
  const first = rows.find((r) => brokenTarget(r, options));
  console.log(
    first
      ? `  first N that broke: ${first.learners} (${brokenTarget(first, options)})`
      : `  no step broke up to ${rows.at(-1)?.learners} learners`,
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
  // The in-process store line opens the engine in this process: the same settings as the server.
  if (options.pgliteDefaults) process.env.LAYERLAB_PGLITE_DEFAULTS = '1';
  if (!hasProductionBuild()) {
    console.log('No production build yet: running npm run build first.');
    const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  console.log(
    `bench:rooms: ${options.findLimit ? `from ${options.learners} learners up until a target breaks` : `${options.learners} learners`}, a report every ${options.intervalMs} ms each, for ${options.seconds} s (${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})`,
  );

  const work = mkdtempSync(path.join(os.tmpdir(), 'layerlab-bench-'));
  const embeddedLabel = `embedded database (PGlite${options.pgliteDefaults ? ', as PGlite ships it' : ''}), one instance`;
  const postgresLabel = 'PostgreSQL, two instances (learners on both, board on the second)';

  const embedded = async (learners: number): Promise<Result> => {
    const dataDir = mkdtempSync(path.join(work, 'data-'));
    const env: Record<string, string> = { LAYERLAB_DATA_DIR: dataDir };
    if (options.pgliteDefaults) env.LAYERLAB_PGLITE_DEFAULTS = '1';
    const { server, samples } = await benchServer(work, env);
    try {
      return await run(embeddedLabel, [server], { ...options, learners }, [samples]);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  };

  const onPostgres = async (
    postgres: Awaited<ReturnType<typeof startTestPostgres>>,
    learners: number,
  ): Promise<Result> => {
    const url = await createDatabase(postgres.url, `bench_${Date.now()}`);
    const started: { server: AppServer; samples: string }[] = [];
    try {
      started.push(await benchServer(work, { DATABASE_URL: url }));
      started.push(await benchServer(work, { DATABASE_URL: url }));
      return await run(
        postgresLabel,
        started.map((s) => s.server),
        { ...options, learners },
        started.map((s) => s.samples),
      );
    } finally {
      for (const { server } of started) await server.stop();
    }
  };

  /** Runs the steps of --find-limit until one breaks a target; prints them as a table. */
  const findLimit = async (label: string, runStep: (learners: number) => Promise<Result>) => {
    const steps = LIMIT_STEPS.filter((n) => n >= options.learners);
    if (steps.length === 0) steps.push(options.learners);
    const rows: Result[] = [];
    for (const learners of steps) {
      const result = await runStep(learners);
      print(result, { ...options, learners });
      rows.push(result);
      if (brokenTarget(result, options)) break;
    }
    printLimitTable(label, rows, options);
  };

  try {
    if (options.db !== 'postgres') {
      await storeCost();
      if (options.findLimit) await findLimit(embeddedLabel, embedded);
      else print(await embedded(options.learners), options);
    }

    if (options.db !== 'embedded') {
      const postgres = await startTestPostgres();
      try {
        const step = (learners: number) => onPostgres(postgres, learners);
        if (options.findLimit) await findLimit(postgresLabel, step);
        else print(await step(options.learners), options);
      } finally {
        await postgres.stop();
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
