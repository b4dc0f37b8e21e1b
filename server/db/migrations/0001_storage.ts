import { defineMigration } from './types';

// Shared by every server feature: fixed-window counters for rate limits (join codes, publishing).
export default defineMigration({
  id: '0001_storage',
  statements: [
    `CREATE TABLE rate_limits (
      key text NOT NULL,
      window_start timestamptz NOT NULL,
      hits integer NOT NULL,
      PRIMARY KEY (key, window_start)
    )`,
    `CREATE INDEX rate_limits_window_start ON rate_limits (window_start)`,
  ],
});
