import { appendFileSync } from 'node:fs';
import type { Database } from './database';
import { openDatabase, targetFromEnv } from './open';

// Next.js may evaluate a module once per route bundle; the process-wide promise lives on
// globalThis so every route handler shares one database (and one owner of the data folder).
const KEY = Symbol.for('layerlab.database');
type Holder = { [KEY]?: Promise<Database> };

/**
 * The process-wide database, opened and migrated on first use from the environment
 * (`DATABASE_URL`, else the embedded engine in `LAYERLAB_DATA_DIR` or `.data/`).
 * A failed open is not cached: the next call tries again.
 */
export function getDatabase(): Promise<Database> {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const opening = openDatabase(targetFromEnv());
    holder[KEY] = opening;
    opening.then(
      (database) => {
        registerShutdown(database);
        sampleMemory(database, process.env.LAYERLAB_MEMORY_SAMPLES?.trim());
      },
      () => {
        if (holder[KEY] === opening) delete holder[KEY];
      },
    );
  }
  return holder[KEY];
}

function registerShutdown(database: Database): void {
  // A clean stop flushes the embedded engine and releases its folder lock; SIGKILL skips this,
  // which the engine's write-ahead log survives (the room e2e kills the server to prove it).
  const close = () => {
    void database.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
}

/**
 * With `LAYERLAB_MEMORY_SAMPLES=FILE` (the load bench sets it), appends one JSON line a second
 * to FILE: this process's `process.memoryUsage()` and the embedded engine's WebAssembly memory,
 * in bytes. Off by default; nothing is served over HTTP.
 */
function sampleMemory(database: Database, file: string | undefined): void {
  if (!file) return;
  const sample = () => {
    const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
    const wasm = database.wasmMemoryBytes?.();
    const line = { at: Date.now(), rss, heapTotal, heapUsed, external, arrayBuffers, wasm };
    try {
      appendFileSync(file, `${JSON.stringify(line)}\n`);
    } catch {
      // A bench that went away: stop quietly rather than fail the server.
      clearInterval(timer);
    }
  };
  const timer = setInterval(sample, 1000);
  timer.unref();
  sample();
}
