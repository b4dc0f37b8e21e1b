import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

// The tables as the query builder sees them. The migrations in ./migrations create them; the
// storage test `schema.storage.test.ts` fails when a column here and there disagree.

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: at('window_start').notNull(),
    hits: integer('hits').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.windowStart] }),
    index('rate_limits_window_start').on(t.windowStart),
  ],
);

export const rooms = pgTable('rooms', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  lessons: jsonb('lessons').$type<string[]>().notNull(),
  pacing: jsonb('pacing').$type<unknown>().notNull(),
  spotlight: jsonb('spotlight').$type<unknown>(),
  createdAt: at('created_at').notNull(),
  endsAt: at('ends_at'),
  closedAt: at('closed_at'),
  expiresAt: at('expires_at').notNull(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
});

export const roomTrainers = pgTable('room_trainers', {
  id: text('id').primaryKey(),
  roomId: text('room_id')
    .notNull()
    .references(() => rooms.id, { onDelete: 'cascade' }),
  secretHash: text('secret_hash').notNull().unique(),
  createdAt: at('created_at').notNull(),
});

export const roomMembers = pgTable('room_members', {
  id: text('id').primaryKey(),
  roomId: text('room_id')
    .notNull()
    .references(() => rooms.id, { onDelete: 'cascade' }),
  nickname: text('nickname').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  joinedAt: at('joined_at').notNull(),
  leftAt: at('left_at'),
  handRaisedAt: at('hand_raised_at'),
});

export const roomProgress = pgTable(
  'room_progress',
  {
    memberId: text('member_id')
      .notNull()
      .references(() => roomMembers.id, { onDelete: 'cascade' }),
    lesson: text('lesson').notNull(),
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    state: text('state').notNull(),
    startedAt: at('started_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    completedAt: at('completed_at'),
    bytes: bigint('bytes', { mode: 'number' }),
    goalsMet: integer('goals_met').notNull().default(0),
    goalsTotal: integer('goals_total').notNull().default(0),
    score: integer('score'),
    attempts: integer('attempts').notNull().default(0),
    dockerfile: text('dockerfile'),
    dockerignore: text('dockerignore'),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.lesson] })],
);

export const roomReceipts = pgTable(
  'room_receipts',
  {
    memberId: text('member_id')
      .notNull()
      .references(() => roomMembers.id, { onDelete: 'cascade' }),
    clientId: text('client_id').notNull(),
    receivedAt: at('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.clientId] })],
);

export const roomEvents = pgTable(
  'room_events',
  {
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    memberId: text('member_id'),
    data: jsonb('data').$type<unknown>().notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.seq] })],
);

/** Every table, for `drizzle({ schema })`. */
export const schema = {
  rateLimits,
  rooms,
  roomTrainers,
  roomMembers,
  roomProgress,
  roomReceipts,
  roomEvents,
};
