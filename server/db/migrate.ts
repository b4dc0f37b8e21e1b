import { sql } from 'drizzle-orm';
import type { Db, Executor } from './database';
import { migrations as allMigrations, type Migration } from './migrations';

/** Rows of a raw `execute()` result; both drivers return `{ rows }`. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** What `migrate` did: the ids it applied now, in order (empty when the schema was current). */
export interface MigrateResult {
  applied: string[];
}

// Any fixed 64-bit key: every instance that starts at once waits here for the one migrating.
const MIGRATION_LOCK = 7_141_921_004;

/**
 * Brings the schema up to date: applies, in one transaction, every migration whose id is not in
 * `schema_migrations`, and records it. Throws (changing nothing) when the database has a migration
 * this code does not know, which means the data was written by a newer version.
 */
export async function migrate(
  db: Db,
  migrations: readonly Migration[] = allMigrations,
): Promise<MigrateResult> {
  assertOrdered(migrations);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.execute(
      sql.raw(`CREATE TABLE IF NOT EXISTS schema_migrations (
        id text PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`),
    );
    const done = new Set(await appliedMigrations(tx));
    const known = new Set(migrations.map((m) => m.id));
    const unknown = [...done].filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new Error(
        `The database has migrations this version does not know (${unknown.join(', ')}): it was written by a newer Layerlab. Upgrade, or point it at another data folder.`,
      );
    }
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      for (const statement of migration.statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql`INSERT INTO schema_migrations (id) VALUES (${migration.id})`);
      applied.push(migration.id);
    }
    return { applied };
  });
}

/** Ids recorded in `schema_migrations`, sorted; empty before the first `migrate`. */
export async function appliedMigrations(db: Executor): Promise<string[]> {
  const exists = rowsOf<{ name: string | null }>(
    await db.execute(sql`SELECT to_regclass('schema_migrations')::text AS name`),
  );
  if (!exists[0]?.name) return [];
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`SELECT id FROM schema_migrations ORDER BY id`),
  );
  return rows.map((r) => r.id);
}

function assertOrdered(migrations: readonly Migration[]): void {
  for (let i = 0; i < migrations.length; i++) {
    const id = migrations[i].id;
    if (!/^\d{4}_[a-z0-9_]+$/.test(id)) throw new Error(`Migration id "${id}" is not NNNN_name.`);
    if (i > 0 && migrations[i - 1].id >= id) {
      throw new Error(`Migrations are out of order: "${migrations[i - 1].id}" before "${id}".`);
    }
  }
}
