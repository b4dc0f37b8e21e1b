import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { base32Prefix } from '@/lib/gallery/hash';
import { parseWith, StoredSolutionSchema, type StoredSolution } from '@/lib/gallery/schemas';
import { contentMatchesId, solutionId, type SolutionContent } from '@/lib/gallery/short-id';
import type { GalleryEntry } from '@/lib/gallery/ranking';
import type { Executor } from '../db/database';
import { galleryEntries, solutions } from './tables';

/** SHA-256 hex of a secret (withdraw keys are stored only like this). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares two secrets in constant time (through their hashes, so lengths may differ). */
export function secretsEqual(a: string, b: string): boolean {
  return timingSafeEqual(
    createHash('sha256').update(a).digest(),
    createHash('sha256').update(b).digest(),
  );
}

export type PutResult =
  { status: 'created' | 'existing'; id: string } | { status: 'conflict'; id: string };

/**
 * Stores a solution under its content-derived ID. Storing the same content again is a no-op
 * (`existing`); a different content under an existing ID (a hash collision, or a row damaged in
 * the database) is refused as `conflict` and changes nothing: a short link never changes.
 */
export async function putSolution(
  db: Executor,
  content: SolutionContent,
  now: Date = new Date(),
): Promise<PutResult> {
  const id = solutionId(content);
  const inserted = await db
    .insert(solutions)
    .values({
      id,
      lesson: content.lesson ?? null,
      lessonVersion: content.lessonVersion ?? null,
      dockerfile: content.dockerfile,
      dockerignore: content.dockerignore,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: solutions.id });
  if (inserted.length > 0) return { status: 'created', id };
  const found = await getSolution(db, id);
  return found.status === 'found' && solutionId(found.solution) === id
    ? { status: 'existing', id }
    : { status: 'conflict', id };
}

export type GetResult =
  | { status: 'found'; solution: StoredSolution; isHidden: boolean }
  | { status: 'missing' }
  /** A row is stored under the ID but its content is not what the ID names, or is malformed. */
  | { status: 'tampered' };

/** Reads a solution and proves it: the stored content must hash to the ID it is stored under. */
export async function getSolution(db: Executor, id: string): Promise<GetResult> {
  const rows = await db.select().from(solutions).where(eq(solutions.id, id)).limit(1);
  const row = rows[0];
  if (!row) return { status: 'missing' };
  const parsed = parseWith(StoredSolutionSchema, {
    id: row.id,
    ...(row.lesson === null ? {} : { lesson: row.lesson }),
    ...(row.lessonVersion === null ? {} : { lessonVersion: row.lessonVersion }),
    dockerfile: row.dockerfile,
    dockerignore: row.dockerignore,
    createdAt: row.createdAt.toISOString(),
  });
  if (!parsed.ok || !contentMatchesId(id, parsed.value)) return { status: 'tampered' };
  return { status: 'found', solution: parsed.value, isHidden: row.hiddenAt !== null };
}

export interface NewEntry {
  content: SolutionContent & { lesson: string; lessonVersion: string };
  nickname?: string;
  room?: string;
  groupKey: string;
  bytes: number;
  score: number;
  withdrawKey: string;
}

export type PublishResult =
  { status: 'published'; entryId: string; solutionId: string } | { status: 'conflict' };

/** Publishes an entry: stores its solution (short link) and the entry in one transaction. */
export async function publishEntry(
  db: Executor,
  entry: NewEntry,
  now: Date = new Date(),
): Promise<PublishResult> {
  return db.transaction(async (tx) => {
    const put = await putSolution(tx, entry.content, now);
    if (put.status === 'conflict') return { status: 'conflict' as const };
    const entryId = base32Prefix(randomBytes(10), 16);
    await tx.insert(galleryEntries).values({
      id: entryId,
      solutionId: put.id,
      lesson: entry.content.lesson,
      lessonVersion: entry.content.lessonVersion,
      groupKey: entry.groupKey,
      nickname: entry.nickname ?? null,
      room: entry.room ?? null,
      bytes: Math.round(entry.bytes),
      score: Math.round(entry.score),
      withdrawKeyHash: hashSecret(entry.withdrawKey),
      publishedAt: now,
    });
    return { status: 'published' as const, entryId, solutionId: put.id };
  });
}

/** A stored entry with what re-measuring needs: its lesson version and texts. */
export interface StoredEntry extends GalleryEntry {
  lessonVersion: string;
  dockerfile: string;
  dockerignore: string;
}

/** Cap on the entries one gallery page reads (the ranking shows groups, so this is plenty). */
export const MAX_GALLERY_ROWS = 2_000;

/** The visible (not hidden, not withdrawn) entries of a lesson, oldest first. */
export async function listEntries(db: Executor, lesson: string): Promise<StoredEntry[]> {
  const rows = await db
    .select({
      entryId: galleryEntries.id,
      solutionId: galleryEntries.solutionId,
      groupKey: galleryEntries.groupKey,
      nickname: galleryEntries.nickname,
      room: galleryEntries.room,
      publishedAt: galleryEntries.publishedAt,
      bytes: galleryEntries.bytes,
      score: galleryEntries.score,
      lessonVersion: galleryEntries.lessonVersion,
      dockerfile: solutions.dockerfile,
      dockerignore: solutions.dockerignore,
    })
    .from(galleryEntries)
    .innerJoin(solutions, eq(solutions.id, galleryEntries.solutionId))
    .where(
      and(
        eq(galleryEntries.lesson, lesson),
        isNull(galleryEntries.hiddenAt),
        isNull(solutions.hiddenAt),
      ),
    )
    .orderBy(asc(galleryEntries.publishedAt), asc(galleryEntries.id))
    .limit(MAX_GALLERY_ROWS);
  return rows.map((row) => ({
    entryId: row.entryId,
    solutionId: row.solutionId,
    groupKey: row.groupKey,
    ...(row.nickname === null ? {} : { nickname: row.nickname }),
    ...(row.room === null ? {} : { room: row.room }),
    publishedAt: row.publishedAt.toISOString(),
    bytes: Number(row.bytes),
    score: Number(row.score),
    lessonVersion: row.lessonVersion,
    dockerfile: row.dockerfile,
    dockerignore: row.dockerignore,
  }));
}

/**
 * Withdraws (deletes) an entry when `withdrawKey` is the key it was published with. The solution
 * row stays: its short link may have been passed on, and other entries may share it.
 */
export async function withdrawEntry(
  db: Executor,
  entryId: string,
  withdrawKey: string,
): Promise<'withdrawn' | 'forbidden' | 'missing'> {
  const rows = await db
    .select({ hash: galleryEntries.withdrawKeyHash })
    .from(galleryEntries)
    .where(eq(galleryEntries.id, entryId))
    .limit(1);
  if (!rows[0]) return 'missing';
  if (!secretsEqual(rows[0].hash, hashSecret(withdrawKey))) return 'forbidden';
  await db.delete(galleryEntries).where(eq(galleryEntries.id, entryId));
  return 'withdrawn';
}

/** Hides or shows an entry (operator). False when there is no such entry. */
export async function setEntryHidden(
  db: Executor,
  entryId: string,
  isHidden: boolean,
  now: Date = new Date(),
): Promise<boolean> {
  const rows = await db
    .update(galleryEntries)
    .set({ hiddenAt: isHidden ? now : null })
    .where(eq(galleryEntries.id, entryId))
    .returning({ id: galleryEntries.id });
  return rows.length > 0;
}

/** Hides or shows a short link and every entry showing it (operator). False when unknown. */
export async function setSolutionHidden(
  db: Executor,
  id: string,
  isHidden: boolean,
  now: Date = new Date(),
): Promise<boolean> {
  const rows = await db
    .update(solutions)
    .set({ hiddenAt: isHidden ? now : null })
    .where(eq(solutions.id, id))
    .returning({ id: solutions.id });
  return rows.length > 0;
}
