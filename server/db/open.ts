import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database, Db, NotifyListener } from './database';
import { migrate } from './migrate';
import { schema } from './schema';

/** Where the data lives: a PostgreSQL URL, or a folder for the embedded engine. */
export type DatabaseTarget = { url: string } | { dataDir: string };

/** Options of `openDatabase`. */
export interface OpenOptions {
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /** Pool size for PostgreSQL (default 10). */
  poolSize?: number;
}

const CHANNEL = 'layerlab';

/**
 * PostgreSQL's shared buffer pool inside PGlite's WebAssembly memory. The default, 128MB, is
 * touched when the engine starts and grows that memory from 134 to 198 MB; a room's whole data
 * is a few megabytes, and the operating system's page cache holds the files below it.
 */
export const EMBEDDED_SHARED_BUFFERS = '16MB';

/**
 * `LAYERLAB_PGLITE_DEFAULTS=1` runs the embedded engine as PGlite ships it (128MB shared buffers,
 * a new folder initialized in this process), for comparing memory (`npm run bench:rooms --
 * --pglite-defaults`).
 */
function pgliteDefaults(): boolean {
  return process.env.LAYERLAB_PGLITE_DEFAULTS === '1';
}

/** PGlite's own start parameters plus ours. */
function embeddedStartParams(): string[] {
  if (pgliteDefaults()) return PGlite.defaultStartParams;
  return [...PGlite.defaultStartParams, '-c', `shared_buffers=${EMBEDDED_SHARED_BUFFERS}`];
}
const MAX_MESSAGE = 1000;

/**
 * Chooses the storage from the environment: `DATABASE_URL` (postgres:// or postgresql://) selects
 * a PostgreSQL server; otherwise the embedded engine stores its files in `LAYERLAB_DATA_DIR`
 * (default `.data/` in the working directory).
 */
export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
    }
    return { url };
  }
  return { dataDir: path.resolve(env.LAYERLAB_DATA_DIR?.trim() || '.data') };
}

/** Opens (and by default migrates) the database at `target`. The caller owns `close()`. */
export async function openDatabase(
  target: DatabaseTarget,
  options: OpenOptions = {},
): Promise<Database> {
  const database =
    'url' in target ? await openPostgres(target.url, options) : await openEmbedded(target.dataDir);
  if (options.migrate !== false) {
    try {
      await migrate(database.db);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

async function openEmbedded(dataDir: string): Promise<Database> {
  const folder = path.join(dataDir, 'pglite');
  mkdirSync(folder, { recursive: true });
  const release = takeFolderLock(dataDir);
  let client: PGlite;
  try {
    await initializeInChild(folder);
    client = await PGlite.create({ dataDir: folder, startParams: embeddedStartParams() });
  } catch (error) {
    release();
    throw error;
  }
  const bus = new LocalBus();
  return {
    kind: 'embedded',
    db: drizzlePglite({ client, schema }) as unknown as Db,
    notify: async (topic, message) => bus.emit(topic, checkMessage(message)),
    subscribe: (topic, listener) => bus.on(topic, listener),
    wasmMemoryBytes: () => wasmMemoryBytes(client),
    close: once(async () => {
      bus.clear();
      await client.close();
      release();
    }),
  };
}

async function openPostgres(url: string, options: OpenOptions): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  // An idle client that loses its server emits here; without a handler Node would exit.
  pool.on('error', () => {});
  await pool.query('SELECT 1');
  const bus = new LocalBus();
  const listener = new PgListener(url, bus);
  return {
    kind: 'postgres',
    db: drizzlePg({ client: pool, schema }) as unknown as Db,
    notify: async (topic, message) => {
      await pool.query('SELECT pg_notify($1, $2)', [
        CHANNEL,
        JSON.stringify({ t: topic, m: checkMessage(message) }),
      ]);
    },
    subscribe: (topic, fn) => {
      listener.start();
      return bus.on(topic, fn);
    },
    close: once(async () => {
      bus.clear();
      await listener.stop();
      await pool.end();
    }),
  };
}

/**
 * Creates a new data folder's cluster (PostgreSQL's initdb) in a short-lived child process. Done
 * in this process, initdb runs in a second WebAssembly instance whose memory stays referenced
 * after it finishes: the server kept about 450 MB it never used again (see the README's memory
 * section). A folder that already holds a cluster, or a child that fails, leaves the work to
 * `PGlite.create` here, which initializes an empty folder itself.
 */
async function initializeInChild(folder: string): Promise<void> {
  if (pgliteDefaults() || readdirSync(folder).length > 0) return;
  const script = [
    "const { PGlite } = await import('@electric-sql/pglite');",
    'const client = await PGlite.create({ dataDir: process.argv[1] });',
    'await client.close();',
  ].join('\n');
  // Asynchronous, so the server keeps answering its static pages while initdb runs (seconds).
  const failure = await new Promise<string | undefined>((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, folder], {
      cwd: process.cwd(),
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 120_000,
    });
    let stderr = '';
    child.stderr?.on(
      'data',
      (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)),
    );
    child.once('error', (error) => resolve(error.message));
    child.once('exit', (status, signal) =>
      resolve(
        status === 0
          ? undefined
          : stderr.trim().split('\n').at(-1) || `exit ${status ?? signal ?? 'unknown'}`,
      ),
    );
  });
  if (failure !== undefined) {
    console.warn(
      `Layerlab: initializing ${folder} in a child process failed (${failure}); initializing it here instead.`,
    );
    // Whatever the child left half-written goes, so PGlite starts from an empty folder.
    for (const name of readdirSync(folder)) rmSync(path.join(folder, name), { recursive: true });
  }
}

/** Bytes of PGlite's WebAssembly memory (it grows, never shrinks); `undefined` if not exposed. */
function wasmMemoryBytes(client: PGlite): number | undefined {
  const module = client.Module as { wasmMemory?: WebAssembly.Memory; HEAPU8?: Uint8Array };
  return module.wasmMemory?.buffer.byteLength ?? module.HEAPU8?.buffer.byteLength;
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}

function checkMessage(message: string): string {
  if (message.length > MAX_MESSAGE) {
    throw new Error(
      `A notification carries ids, not payloads (${message.length} > ${MAX_MESSAGE} characters).`,
    );
  }
  return message;
}

class LocalBus {
  private readonly emitter = new EventEmitter();
  constructor() {
    // One listener per open stream: hundreds are normal, not a leak.
    this.emitter.setMaxListeners(0);
  }
  emit(topic: string, message: string | null): void {
    this.emitter.emit(topic, message);
  }
  emitAll(message: null): void {
    for (const name of this.emitter.eventNames()) this.emitter.emit(name, message);
  }
  on(topic: string, listener: NotifyListener): () => void {
    this.emitter.on(topic, listener);
    return () => this.emitter.off(topic, listener);
  }
  clear(): void {
    this.emitter.removeAllListeners();
  }
}

/** One dedicated connection that LISTENs and re-connects with back-off when it drops. */
class PgListener {
  private client: pg.Client | null = null;
  private started = false;
  private stopped = false;
  private retryMs = 250;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly bus: LocalBus,
  ) {}

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    void this.connect(false);
  }

  private async connect(isReconnect: boolean): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.url });
    this.client = client;
    client.on('notification', (n) => {
      if (n.channel !== CHANNEL || !n.payload) return;
      try {
        const { t, m } = JSON.parse(n.payload) as { t: unknown; m: unknown };
        if (typeof t === 'string' && typeof m === 'string') this.bus.emit(t, m);
      } catch {
        // Not ours: another program on the same channel.
      }
    });
    const retry = () => {
      if (this.stopped || this.client !== client) return;
      this.client = null;
      client.removeAllListeners('notification');
      void client.end().catch(() => {});
      this.timer = setTimeout(() => void this.connect(true), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 5000);
    };
    client.on('error', retry);
    client.on('end', retry);
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.retryMs = 250;
      // Anything sent while we were away is lost: tell subscribers to re-read.
      if (isReconnect) this.bus.emitAll(null);
    } catch {
      retry();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => {});
  }
}

/**
 * One process owns an embedded data folder: a second one would corrupt it. The lock file holds
 * the owner's pid; a lock left by a process that no longer runs (killed, crashed) is taken over.
 * Returns the release function.
 */
const openFolders = new Set<string>();

function takeFolderLock(dataDir: string): () => void {
  const file = path.join(dataDir, 'owner.pid');
  if (openFolders.has(dataDir)) {
    throw new Error(`The data folder ${dataDir} is already open in this process.`);
  }
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) {
      throw new Error(
        `The data folder ${dataDir} is in use by process ${pid}. The embedded database serves one process; run several instances with DATABASE_URL (PostgreSQL) instead.`,
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  writeFileSync(file, String(process.pid));
  openFolders.add(dataDir);
  return () => {
    openFolders.delete(dataDir);
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
    } catch {
      // Already gone.
    }
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
