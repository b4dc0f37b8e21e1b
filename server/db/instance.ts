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
      (database) => registerShutdown(database),
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
