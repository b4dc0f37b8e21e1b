import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { Database, DatabaseKind } from '../db/database';
import { openDatabase, type DatabaseTarget, type OpenOptions } from '../db/open';
import { createDatabase, dropDatabase } from './postgres-server';

/** What a storage suite gets, the same for both engines. */
export interface StorageContext {
  kind: DatabaseKind;
  /** The database opened (and migrated) for this suite. */
  database(): Database;
  /** Where that database lives: open it again to act as a second instance or a restart. */
  target(): DatabaseTarget;
  /** Opens another, empty database of the same engine; closed after the suite. */
  fresh(options?: OpenOptions): Promise<{ database: Database; target: DatabaseTarget }>;
  /** Opens `target` again (a second app instance, or the same one after a restart); closed after the suite. */
  reopen(target: DatabaseTarget, options?: OpenOptions): Promise<Database>;
}

/**
 * Runs `suite` twice: against the embedded engine (PGlite in a temp folder) and against the
 * PostgreSQL server the storage run started (a fresh database on it). Use it in
 * `*.storage.test.ts` files, which `npm run test:storage` runs.
 */
export function describeStorage(title: string, suite: (ctx: StorageContext) => void): void {
  for (const kind of ['embedded', 'postgres'] as const) {
    describe(`${title} (${kind})`, () => {
      const cleanups: (() => Promise<void>)[] = [];
      let main: { database: Database; target: DatabaseTarget } | undefined;

      const fresh = async (options?: OpenOptions) => {
        let target: DatabaseTarget;
        if (kind === 'embedded') {
          const dataDir = mkdtempSync(path.join(os.tmpdir(), 'layerlab-pglite-'));
          cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
          target = { dataDir };
        } else {
          const server = inject('postgresUrl');
          const name = `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
          target = { url: await createDatabase(server, name) };
          cleanups.push(() => dropDatabase(server, name));
        }
        const database = await openDatabase(target, options);
        cleanups.push(() => database.close());
        return { database, target };
      };

      beforeAll(async () => {
        main = await fresh();
      }, 60_000);

      afterAll(async () => {
        // Last opened, first closed: databases close before their folder or database goes.
        for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
      }, 60_000);

      suite({
        kind,
        database: () => {
          if (!main) throw new Error('storage suite: database not open yet (use it inside a test)');
          return main.database;
        },
        target: () => {
          if (!main) throw new Error('storage suite: database not open yet (use it inside a test)');
          return main.target;
        },
        fresh,
        reopen: async (target, options) => {
          const database = await openDatabase(target, options);
          cleanups.push(() => database.close());
          return database;
        },
      });
    });
  }
}
