import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
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
 * in bytes, the CPU time the process used since the last line (`cpuMs`, user + system) and the
 * longest event-loop delay in that second (`loopMaxMs`). Off by default; nothing is served over
 * HTTP.
 */
function sampleMemory(database: Database, file: string | undefined): void {
  if (!file) return;
  const loop = monitorEventLoopDelay({ resolution: 20 });
  loop.enable();
  let cpu = process.cpuUsage();
  const sample = () => {
    const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
    const wasm = database.wasmMemoryBytes?.();
    const used = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    const cpuMs = Math.round((used.user + used.system) / 1000);
    const loopMaxMs = Math.round(loop.max / 1e6);
    loop.reset();
    const line = {
      at: Date.now(),
      rss,
      heapTotal,
      heapUsed,
      external,
      arrayBuffers,
      wasm,
      cpuMs,
      loopMaxMs,
    };
    try {
      appendFileSync(file, `${JSON.stringify(line)}\n`);
    } catch {
      // A bench that went away: stop quietly rather than fail the server.
      clearInterval(timer);
      loop.disable();
    }
  };
  const timer = setInterval(sample, 1000);
  timer.unref();
  sample();
}
