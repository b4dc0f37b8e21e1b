import { defineMigration } from './types';

// Team sessions. Every change to a room bumps rooms.last_seq inside the writing transaction, so
// event sequence numbers commit in order per room (the row lock serialises writers) and a stream
// that resumes from Last-Event-ID never skips an event committed late.
export default defineMigration({
  id: '0002_rooms',
  statements: [
    `CREATE TABLE rooms (
      id text PRIMARY KEY,
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      lessons jsonb NOT NULL,
      pacing jsonb NOT NULL,
      spotlight jsonb,
      created_at timestamptz NOT NULL,
      ends_at timestamptz,
      closed_at timestamptz,
      expires_at timestamptz NOT NULL,
      last_seq bigint NOT NULL DEFAULT 0
    )`,
    `CREATE INDEX rooms_expires_at ON rooms (expires_at)`,
    `CREATE TABLE room_trainers (
      id text PRIMARY KEY,
      room_id text NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
      secret_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL
    )`,
    `CREATE INDEX room_trainers_room ON room_trainers (room_id)`,
    `CREATE TABLE room_members (
      id text PRIMARY KEY,
      room_id text NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
      nickname text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      joined_at timestamptz NOT NULL,
      left_at timestamptz,
      hand_raised_at timestamptz
    )`,
    `CREATE INDEX room_members_room ON room_members (room_id)`,
    `CREATE TABLE room_progress (
      member_id text NOT NULL REFERENCES room_members (id) ON DELETE CASCADE,
      lesson text NOT NULL,
      room_id text NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
      state text NOT NULL,
      started_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      completed_at timestamptz,
      bytes bigint,
      goals_met integer NOT NULL DEFAULT 0,
      goals_total integer NOT NULL DEFAULT 0,
      score integer,
      attempts integer NOT NULL DEFAULT 0,
      dockerfile text,
      dockerignore text,
      PRIMARY KEY (member_id, lesson)
    )`,
    `CREATE INDEX room_progress_room ON room_progress (room_id)`,
    `CREATE TABLE room_receipts (
      member_id text NOT NULL REFERENCES room_members (id) ON DELETE CASCADE,
      client_id text NOT NULL,
      received_at timestamptz NOT NULL,
      PRIMARY KEY (member_id, client_id)
    )`,
    `CREATE TABLE room_events (
      room_id text NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
      seq bigint NOT NULL,
      kind text NOT NULL,
      member_id text,
      data jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (room_id, seq)
    )`,
  ],
});
