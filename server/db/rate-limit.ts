import { sql } from 'drizzle-orm';
import type { Executor } from './database';
import { rowsOf } from './migrate';

/** Outcome of one counted attempt; `retryAfterMs` is 0 when allowed. */
export interface RateLimitResult {
  allowed: boolean;
  hits: number;
  retryAfterMs: number;
}

/**
 * Counts one attempt for `key` in the current fixed window of `windowMs` and says whether it is
 * within `limit`. Counting happens in the database, so every app instance shares the budget.
 * Old windows are removed now and then, on the way.
 */
export async function hitRateLimit(
  db: Executor,
  key: string,
  limit: number,
  windowMs: number,
  now: Date = new Date(),
): Promise<RateLimitResult> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const rows = rowsOf<{ hits: number }>(
    await db.execute(sql`
      INSERT INTO rate_limits (key, window_start, hits) VALUES (${key}, ${windowStart.toISOString()}, 1)
      ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1
      RETURNING hits`),
  );
  const hits = Number(rows[0]?.hits ?? 1);
  // Roughly one call in fifty sweeps windows older than a day.
  if (Math.random() < 0.02) {
    const cutoff = new Date(now.getTime() - Math.max(windowMs, 86_400_000));
    await db.execute(sql`DELETE FROM rate_limits WHERE window_start < ${cutoff.toISOString()}`);
  }
  const allowed = hits <= limit;
  return {
    allowed,
    hits,
    retryAfterMs: allowed ? 0 : windowStart.getTime() + windowMs - now.getTime(),
  };
}
