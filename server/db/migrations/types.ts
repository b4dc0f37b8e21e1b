/**
 * One schema change. `id` sorts in apply order (`NNNN_name`); `statements` run one by one inside
 * the single transaction that applies every pending migration, so a failure applies none of them.
 */
export interface Migration {
  id: string;
  statements: readonly string[];
}

/** Identity helper that gives a migration file its type. */
export function defineMigration(migration: Migration): Migration {
  return migration;
}
