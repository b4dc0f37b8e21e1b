import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { solutionGroupKey } from '@/lib/gallery/grouping';
import { solutionId } from '@/lib/gallery/short-id';
import { describeStorage } from '../testing/storage';
import {
  getSolution,
  listEntries,
  publishEntry,
  putSolution,
  setEntryHidden,
  setSolutionHidden,
  withdrawEntry,
  type NewEntry,
} from './store';

const KEY_A = 'a'.repeat(43);
const KEY_B = 'b'.repeat(43);

function entry(dockerfile: string, bytes: number, withdrawKey = KEY_A): NewEntry {
  return {
    content: { lesson: 'base-image', lessonVersion: '0123456789', dockerfile, dockerignore: '' },
    groupKey: solutionGroupKey(dockerfile, ''),
    bytes,
    score: 90,
    withdrawKey,
    nickname: 'Ada',
  };
}

describeStorage('gallery store', (ctx) => {
  it('stores a solution under its content ID, once, and reads it back proven', async () => {
    const { db } = ctx.database();
    const content = { dockerfile: 'FROM alpine:3.20\n', dockerignore: '' };
    const first = await putSolution(db, content);
    const again = await putSolution(db, content);
    expect(first).toEqual({ status: 'created', id: solutionId(content) });
    expect(again).toEqual({ status: 'existing', id: first.id });
    const read = await getSolution(db, first.id);
    expect(read.status).toBe('found');
    if (read.status === 'found') expect(read.solution).toMatchObject(content);
  });

  it('says missing for an ID nobody stored', async () => {
    expect(await getSolution(ctx.database().db, 'zzzzzzzzzzzzzzzzzzzz')).toEqual({
      status: 'missing',
    });
  });

  it('detects a row edited in the database and never serves it, nor lets it be overwritten', async () => {
    const { db } = ctx.database();
    const content = { dockerfile: 'FROM busybox:1.37\n', dockerignore: '' };
    const { id } = await putSolution(db, content);
    await db.execute(sql`UPDATE solutions SET dockerfile = 'FROM evil\n' WHERE id = ${id}`);
    expect(await getSolution(db, id)).toEqual({ status: 'tampered' });
    expect((await putSolution(db, content)).status).toBe('conflict');
  });

  it('publishes entries with their short link and lists them for the lesson only', async () => {
    const { db } = ctx.database();
    const small = await publishEntry(db, entry('FROM python:3.11-slim\n# small\n', 150_000_000));
    const big = await publishEntry(db, entry('FROM python:3.11\n', 1_000_000_000));
    expect(small.status).toBe('published');
    if (small.status !== 'published' || big.status !== 'published') return;
    const listed = await listEntries(db, 'base-image');
    expect(listed.map((e) => e.entryId)).toEqual(
      expect.arrayContaining([small.entryId, big.entryId]),
    );
    const row = listed.find((e) => e.entryId === small.entryId);
    expect(row).toMatchObject({
      solutionId: small.solutionId,
      nickname: 'Ada',
      bytes: 150_000_000,
      dockerfile: 'FROM python:3.11-slim\n# small\n',
    });
    expect(await listEntries(db, 'multi-stage')).toEqual([]);
    expect((await getSolution(db, small.solutionId)).status).toBe('found');
  });

  it('lets only the holder of the key withdraw an entry', async () => {
    const { db } = ctx.database();
    const published = await publishEntry(db, entry('FROM python:3.12-slim\n', 1, KEY_A));
    if (published.status !== 'published') throw new Error('not published');
    expect(await withdrawEntry(db, published.entryId, KEY_B)).toBe('forbidden');
    expect((await listEntries(db, 'base-image')).some((e) => e.entryId === published.entryId)).toBe(
      true,
    );
    expect(await withdrawEntry(db, published.entryId, KEY_A)).toBe('withdrawn');
    expect(await withdrawEntry(db, published.entryId, KEY_A)).toBe('missing');
    expect((await listEntries(db, 'base-image')).some((e) => e.entryId === published.entryId)).toBe(
      false,
    );
    // The short link outlives the entry: it may have been passed on.
    expect((await getSolution(db, published.solutionId)).status).toBe('found');
  });

  it('hides an entry, or a whole short link, from the gallery and shows it again', async () => {
    const { db } = ctx.database();
    const published = await publishEntry(db, entry('FROM python:3.13-slim\n', 2));
    if (published.status !== 'published') throw new Error('not published');
    const isListed = async () =>
      (await listEntries(db, 'base-image')).some((e) => e.entryId === published.entryId);
    expect(await setEntryHidden(db, published.entryId, true)).toBe(true);
    expect(await isListed()).toBe(false);
    expect(await setEntryHidden(db, published.entryId, false)).toBe(true);
    expect(await isListed()).toBe(true);
    expect(await setSolutionHidden(db, published.solutionId, true)).toBe(true);
    expect(await isListed()).toBe(false);
    const read = await getSolution(db, published.solutionId);
    expect(read.status === 'found' && read.isHidden).toBe(true);
    expect(await setEntryHidden(db, 'nosuchentry00000', true)).toBe(false);
  });

  it('keeps published entries across a restart of the database', async () => {
    const { database, target } = await ctx.fresh();
    const published = await publishEntry(database.db, entry('FROM python:3.11-alpine\n', 3));
    await database.close();
    const again = await ctx.reopen(target);
    const listed = await listEntries(again.db, 'base-image');
    expect(listed.map((e) => e.entryId)).toEqual([
      published.status === 'published' ? published.entryId : '',
    ]);
  });
});
