import { defineMigration } from './types';

// Short links and the solution galleries. A solution row is immutable: its id is derived from its
// content (lib/gallery/short-id.ts), rows are only ever inserted, and every read checks the content
// against the id. Gallery entries point at a solution; withdrawing deletes the entry, hiding (the
// operator) marks it. `hidden_at` on a solution hides its short link page as well.
export default defineMigration({
  id: '0003_gallery',
  statements: [
    `CREATE TABLE solutions (
      id text PRIMARY KEY,
      lesson text,
      lesson_version text,
      dockerfile text NOT NULL,
      dockerignore text NOT NULL,
      created_at timestamptz NOT NULL,
      hidden_at timestamptz
    )`,
    `CREATE TABLE gallery_entries (
      id text PRIMARY KEY,
      solution_id text NOT NULL REFERENCES solutions (id),
      lesson text NOT NULL,
      lesson_version text NOT NULL,
      group_key text NOT NULL,
      nickname text,
      room text,
      bytes bigint NOT NULL,
      score integer NOT NULL,
      withdraw_key_hash text NOT NULL,
      published_at timestamptz NOT NULL,
      hidden_at timestamptz
    )`,
    `CREATE INDEX gallery_entries_lesson ON gallery_entries (lesson, published_at)`,
    `CREATE INDEX gallery_entries_solution ON gallery_entries (solution_id)`,
  ],
});
