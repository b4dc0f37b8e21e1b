import { bigint, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// The gallery's tables as the query builder sees them; migration 0003_gallery creates them.

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const solutions = pgTable('solutions', {
  id: text('id').primaryKey(),
  lesson: text('lesson'),
  lessonVersion: text('lesson_version'),
  dockerfile: text('dockerfile').notNull(),
  dockerignore: text('dockerignore').notNull(),
  createdAt: at('created_at').notNull(),
  hiddenAt: at('hidden_at'),
});

export const galleryEntries = pgTable(
  'gallery_entries',
  {
    id: text('id').primaryKey(),
    solutionId: text('solution_id')
      .notNull()
      .references(() => solutions.id),
    lesson: text('lesson').notNull(),
    lessonVersion: text('lesson_version').notNull(),
    groupKey: text('group_key').notNull(),
    nickname: text('nickname'),
    room: text('room'),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    score: integer('score').notNull(),
    withdrawKeyHash: text('withdraw_key_hash').notNull(),
    publishedAt: at('published_at').notNull(),
    hiddenAt: at('hidden_at'),
  },
  (t) => [
    index('gallery_entries_lesson').on(t.lesson, t.publishedAt),
    index('gallery_entries_solution').on(t.solutionId),
  ],
);
