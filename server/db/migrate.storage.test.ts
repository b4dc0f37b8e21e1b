import { sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { expect, it } from 'vitest';
import { describeStorage } from '../testing/storage';
import { appliedMigrations, migrate, rowsOf } from './migrate';
import { migrations } from './migrations';
import { defineMigration } from './migrations/types';
import { schema } from './schema';

describeStorage('migrate', (ctx) => {
  it('applies every migration once and records it', async () => {
    const { db } = ctx.database();
    expect(await appliedMigrations(db)).toEqual(migrations.map((m) => m.id));
    expect(await migrate(db)).toEqual({ applied: [] });
  });

  it('applies a new migration dropped into the list, and only that one', async () => {
    const { database } = await ctx.fresh();
    const extra = defineMigration({
      id: '9999_extra',
      statements: ['CREATE TABLE extra_things (id integer PRIMARY KEY)'],
    });
    expect(await migrate(database.db, [...migrations, extra])).toEqual({ applied: ['9999_extra'] });
    await database.db.execute(sql`INSERT INTO extra_things (id) VALUES (1)`);
    // A version without that file refuses the newer database instead of running on it.
    await expect(migrate(database.db)).rejects.toThrow(/newer Layerlab/);
  });

  it('changes nothing when a migration fails half-way', async () => {
    const { database } = await ctx.fresh({ migrate: false });
    const broken = defineMigration({
      id: '0001_broken',
      statements: ['CREATE TABLE half_done (id integer)', 'CREATE TABLE oops ('],
    });
    await expect(migrate(database.db, [broken])).rejects.toThrow();
    const tables = rowsOf<{ name: string | null }>(
      await database.db.execute(sql`SELECT to_regclass('half_done')::text AS name`),
    );
    expect(tables[0].name).toBeNull();
    expect(await appliedMigrations(database.db)).toEqual([]);
  });

  it('refuses a list that is out of order', async () => {
    const { db } = ctx.database();
    const a = defineMigration({ id: '0002_a', statements: [] });
    const b = defineMigration({ id: '0001_b', statements: [] });
    await expect(migrate(db, [a, b])).rejects.toThrow(/out of order/);
  });

  it('creates exactly the columns the query builder knows', async () => {
    const { db } = ctx.database();
    for (const table of Object.values(schema)) {
      const config = getTableConfig(table);
      const rows = rowsOf<{ column_name: string; is_nullable: string }>(
        await db.execute(
          sql`SELECT column_name, is_nullable FROM information_schema.columns WHERE table_name = ${config.name} AND table_schema = current_schema()`,
        ),
      );
      const actual = rows.map((r) => `${r.column_name}${r.is_nullable === 'NO' ? '!' : ''}`).sort();
      const expected = config.columns.map((c) => `${c.name}${c.notNull ? '!' : ''}`).sort();
      expect(actual, config.name).toEqual(expected);
    }
  });
});
