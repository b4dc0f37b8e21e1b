import { describe, expect, it } from 'vitest';
import { ROOM_LIMITS } from './limits';
import {
  OUTBOX_MAX_REPORTS,
  acknowledge,
  emptyOutbox,
  enqueue,
  makeReport,
  nextBatch,
  parseOutbox,
  serializeOutbox,
} from './outbox';
import type { ProgressReport } from './progress';

const report = (id: string, isCompleted = false): ProgressReport => ({
  id,
  lesson: 'base-image',
  at: '2026-12-01T10:00:00.000Z',
  bytes: 1000,
  goalsMet: isCompleted ? 2 : 1,
  goalsTotal: 2,
  isCompleted,
});

describe('enqueue', () => {
  it('keeps reports in order and ignores an id already pending', () => {
    let box = enqueue(emptyOutbox(), report('report-0001'));
    box = enqueue(box, report('report-0002'));
    const again = enqueue(box, report('report-0001'));
    expect(again).toBe(box);
    expect(box.pending.map((r) => r.id)).toEqual(['report-0001', 'report-0002']);
  });

  it('drops the oldest working reports first when full, never a completion', () => {
    let box = enqueue(emptyOutbox(), report('done-00001', true));
    for (let i = 0; i < OUTBOX_MAX_REPORTS + 5; i++)
      box = enqueue(box, report(`work-${String(i).padStart(5, '0')}`));
    expect(box.pending).toHaveLength(OUTBOX_MAX_REPORTS);
    expect(box.pending[0].id).toBe('done-00001');
    expect(box.pending[1].id).toBe('work-00006');
    expect(box.pending.at(-1)?.id).toBe(`work-${String(OUTBOX_MAX_REPORTS + 4).padStart(5, '0')}`);
  });
});

describe('nextBatch', () => {
  it('takes at most one request worth, oldest first', () => {
    let box = emptyOutbox();
    for (let i = 0; i < ROOM_LIMITS.reportsPerRequest + 3; i++)
      box = enqueue(box, report(`report-${String(i).padStart(4, '0')}`));
    const batch = nextBatch(box);
    expect(batch).toHaveLength(ROOM_LIMITS.reportsPerRequest);
    expect(batch[0].id).toBe('report-0000');
  });
});

describe('acknowledge', () => {
  it('removes acknowledged ids and ignores unknown ones', () => {
    let box = enqueue(emptyOutbox(), report('report-0001'));
    box = enqueue(box, report('report-0002'));
    expect(acknowledge(box, ['report-0001', 'nobody-knows']).pending.map((r) => r.id)).toEqual([
      'report-0002',
    ]);
    expect(acknowledge(box, ['nobody-knows'])).toBe(box);
  });

  it('a resent batch acknowledged twice leaves nothing behind and counts nothing twice', () => {
    let box = enqueue(emptyOutbox(), report('report-0001'));
    box = acknowledge(box, ['report-0001']);
    box = acknowledge(box, ['report-0001']);
    expect(box.pending).toEqual([]);
  });
});

describe('parseOutbox', () => {
  it('reads back what was stored', () => {
    const box = enqueue(enqueue(emptyOutbox(), report('report-0001')), report('report-0002', true));
    expect(parseOutbox(serializeOutbox(box))).toEqual(box);
  });

  it.each([
    ['nothing stored', null],
    ['not JSON', '{oops'],
    ['a different version', JSON.stringify({ version: 2, pending: [] })],
    ['the wrong shape', JSON.stringify([1, 2, 3])],
  ])('gives an empty outbox for %s', (_reason, text) => {
    expect(parseOutbox(text)).toEqual(emptyOutbox());
  });

  it('drops a damaged report and keeps the others', () => {
    const text = JSON.stringify({
      version: 1,
      pending: [report('report-0001'), { ...report('report-0002'), goalsMet: -1 }, 'junk'],
    });
    expect(parseOutbox(text).pending.map((r) => r.id)).toEqual(['report-0001']);
  });
});

describe('makeReport', () => {
  const base = {
    id: 'report-0001',
    lesson: 'base-image',
    at: new Date('2026-12-01T10:00:00Z'),
    dockerfile: 'FROM alpine:3.20\n',
    dockerignore: '.git\n',
  };

  it('a working report carries figures but no texts', () => {
    const r = makeReport({ ...base, bytes: 1234.6, goalsMet: 1, goalsTotal: 2, score: 40 });
    expect(r).toEqual({
      id: 'report-0001',
      lesson: 'base-image',
      at: '2026-12-01T10:00:00.000Z',
      bytes: 1235,
      goalsMet: 1,
      goalsTotal: 2,
      isCompleted: false,
      score: 40,
    });
  });

  it('a report with every goal met is a completion with both texts', () => {
    const r = makeReport({ ...base, bytes: 10, goalsMet: 2, goalsTotal: 2 });
    expect(r.isCompleted).toBe(true);
    expect(r.dockerfile).toBe(base.dockerfile);
    expect(r.dockerignore).toBe(base.dockerignore);
  });

  it('leaves out an impossible size or score and texts over the caps', () => {
    const r = makeReport({
      ...base,
      bytes: Number.NaN,
      score: Number.POSITIVE_INFINITY,
      goalsMet: 1,
      goalsTotal: 1,
      dockerfile: 'x'.repeat(ROOM_LIMITS.dockerfileChars + 1),
    });
    expect(r.bytes).toBeUndefined();
    expect(r.score).toBeUndefined();
    expect(r.isCompleted).toBe(true);
    expect(r.dockerfile).toBeUndefined();
  });

  it('a lesson without goals is never completed by a report', () => {
    expect(makeReport({ ...base, goalsMet: 0, goalsTotal: 0 }).isCompleted).toBe(false);
  });
});
