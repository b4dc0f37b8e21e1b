import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { describeStorage } from '../testing/storage';
import { rowsOf } from './migrate';
import { EMBEDDED_SHARED_BUFFERS, openDatabase } from './open';
import { hitRateLimit } from './rate-limit';

function nextMessage(
  subscribe: (fn: (m: string | null) => void) => () => void,
): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no notification within 5 s')), 5000);
    const off = subscribe((m) => {
      clearTimeout(timer);
      off();
      resolve(m);
    });
  });
}

describeStorage('openDatabase', (ctx) => {
  it('keeps committed rows when the database is closed and opened again', async () => {
    const { database, target } = await ctx.fresh();
    await database.db.execute(
      sql`INSERT INTO rate_limits (key, window_start, hits) VALUES ('kept', now(), 3)`,
    );
    await database.close();
    const again = await ctx.reopen(target);
    const rows = rowsOf<{ hits: number }>(
      await again.db.execute(sql`SELECT hits FROM rate_limits WHERE key = 'kept'`),
    );
    expect(rows.map((r) => Number(r.hits))).toEqual([3]);
  });

  it('delivers a notification to a subscriber of the same topic only', async () => {
    const database = ctx.database();
    let other = 0;
    const offOther = database.subscribe('topic-b', () => other++);
    const got = nextMessage((fn) => database.subscribe('topic-a', fn));
    // PostgreSQL LISTEN starts on the first subscribe; give it a moment to be in place.
    await new Promise((r) => setTimeout(r, ctx.kind === 'postgres' ? 300 : 0));
    await database.notify('topic-a', 'room-1:42');
    expect(await got).toBe('room-1:42');
    offOther();
    expect(other).toBe(0);
  });

  it('refuses a notification that carries a payload instead of an id', async () => {
    await expect(ctx.database().notify('t', 'x'.repeat(1001))).rejects.toThrow(/ids, not payloads/);
  });

  if (ctx.kind === 'embedded') {
    it('refuses to open a data folder that is already open', async () => {
      await expect(ctx.reopen(ctx.target())).rejects.toThrow(/already open/);
    });
  } else {
    it('fans a notification out to a second instance on the same server', async () => {
      const second = await ctx.reopen(ctx.target());
      const got = nextMessage((fn) => second.subscribe('fan-out', fn));
      await new Promise((r) => setTimeout(r, 300));
      await ctx.database().notify('fan-out', 'room-2:7');
      expect(await got).toBe('room-2:7');
    });
  }
});

describeStorage('hitRateLimit', (ctx) => {
  it('allows the limit within one window, refuses the next, and starts again in the next window', async () => {
    const { db } = ctx.database();
    const t0 = new Date('2026-01-01T10:00:00.000Z');
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit(db, 'join:1.2.3.4', 3, 60_000, t0));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3].retryAfterMs).toBe(60_000);
    const later = await hitRateLimit(
      db,
      'join:1.2.3.4',
      3,
      60_000,
      new Date(t0.getTime() + 60_000),
    );
    expect(later).toEqual({ allowed: true, hits: 1, retryAfterMs: 0 });
    const otherKey = await hitRateLimit(db, 'join:5.6.7.8', 3, 60_000, t0);
    expect(otherKey.hits).toBe(1);
  });
});

describe('openDatabase, embedded engine', () => {
  it('initializes a new folder, runs with small shared buffers and reports its WebAssembly memory', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'layerlab-open-'));
    try {
      const database = await openDatabase({ dataDir });
      try {
        const rows = rowsOf<{ shared_buffers: string }>(
          await database.db.execute(sql`SHOW shared_buffers`),
        );
        expect(rows[0].shared_buffers).toBe(EMBEDDED_SHARED_BUFFERS);
        // PGlite's memory starts at 128 MiB and only grows.
        expect(database.wasmMemoryBytes?.()).toBeGreaterThanOrEqual(128 * 1024 * 1024);
        await database.db.execute(
          sql`INSERT INTO rate_limits (key, window_start, hits) VALUES ('fresh', now(), 1)`,
        );
      } finally {
        await database.close();
      }
      expect(readdirSync(path.join(dataDir, 'pglite'))).toContain('PG_VERSION');
      const again = await openDatabase({ dataDir });
      try {
        const rows = rowsOf<{ hits: number }>(
          await again.db.execute(sql`SELECT hits FROM rate_limits WHERE key = 'fresh'`),
        );
        expect(rows.map((r) => Number(r.hits))).toEqual([1]);
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
