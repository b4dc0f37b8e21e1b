import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { schema } from './schema';

/** The query builder over either engine; both speak PostgreSQL, so one type serves both. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A transaction handle: everything a `Db` can do except opening a nested top-level one. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Either a database or a transaction on it; repository functions take this. */
export type Executor = Db | Tx;

export type DatabaseKind = 'embedded' | 'postgres';

/** A listener for `notify` messages; `message` is `null` after a lost connection came back. */
export type NotifyListener = (message: string | null) => void;

/**
 * An open database: the query builder plus a small cross-process notification channel.
 * With PostgreSQL, `notify` goes through `pg_notify`/`LISTEN`, so every app instance on the same
 * server hears it; with the embedded engine one process owns the data, so it stays in-process.
 * Send ids, never payloads: PostgreSQL caps a notification at 8,000 bytes.
 */
export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** Delivers `message` (at most 1,000 characters) to every subscriber of `topic` in every instance. */
  notify(topic: string, message: string): Promise<void>;
  /**
   * Calls `listener` for each message on `topic`; returns the unsubscribe function. The listener
   * gets `null` when notifications may have been missed (the listening connection was re-opened):
   * re-read what you follow.
   */
  subscribe(topic: string, listener: NotifyListener): () => void;
  /** The embedded engine's WebAssembly memory in bytes (absent for PostgreSQL, which runs apart). */
  wasmMemoryBytes?(): number | undefined;
  close(): Promise<void>;
}
