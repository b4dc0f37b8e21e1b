import { describe, expect, it } from 'vitest';
import { applyBoardEvent, boardRows, sortRows, type BoardState } from './board';
import type { RoomEvent } from './types';

const at = '2026-01-01T09:00:00.000Z';
const empty: BoardState = {
  room: { code: 'ACDEFG', name: 'Team', lessons: ['one', 'two'], expiresAt: at },
  pacing: { open: ['one'] },
  members: [],
  progress: {},
  seq: 0,
};

function apply(events: RoomEvent[], state = empty): BoardState {
  return events.reduce(applyBoardEvent, state);
}
const joined = (seq: number, id: string, nickname: string): RoomEvent => ({
  seq,
  at,
  kind: 'member-joined',
  member: { id, nickname, joinedAt: at },
});
const progress = (
  seq: number,
  memberId: string,
  lesson: string,
  state: 'working' | 'completed',
  bytes: number,
): RoomEvent => ({
  seq,
  at,
  kind: 'progress',
  memberId,
  progress: {
    lesson,
    state,
    startedAt: at,
    updatedAt: at,
    completedAt: state === 'completed' ? at : undefined,
    bytes,
    goalsMet: 1,
    goalsTotal: 2,
    attempts: 1,
  },
});

describe('applyBoardEvent', () => {
  it('ignores an event it has already applied, so a resumed stream counts nothing twice', () => {
    const once = apply([joined(1, 'm1', 'ada'), progress(2, 'm1', 'one', 'working', 10)]);
    expect(apply([progress(2, 'm1', 'one', 'working', 99)], once)).toBe(once);
  });

  it('removes a learner who left from the rows and lowers their hand', () => {
    const state = apply([
      joined(1, 'm1', 'ada'),
      { seq: 2, at, kind: 'hand', memberId: 'm1', raisedAt: at },
      { seq: 3, at, kind: 'member-left', memberId: 'm1' },
    ]);
    expect(boardRows(state)).toEqual([]);
    expect(state.members[0].handRaisedAt).toBeUndefined();
  });
});

describe('boardRows', () => {
  it('gives every learner a cell per lesson, not started where nothing was reported', () => {
    const rows = boardRows(
      apply([joined(1, 'm1', 'ada'), progress(2, 'm1', 'one', 'completed', 42)]),
    );
    expect(rows[0].cells.map((c) => [c.lesson, c.state, c.bytes])).toEqual([
      ['one', 'completed', 42],
      ['two', 'not-started', undefined],
    ]);
    expect(rows[0].completed).toBe(1);
  });
});

describe('sortRows', () => {
  const state = apply([
    joined(1, 'm1', 'zoe'),
    joined(2, 'm2', 'Ada'),
    joined(3, 'm3', 'bob'),
    progress(4, 'm3', 'one', 'completed', 1),
    progress(5, 'm2', 'one', 'working', 1),
    {
      seq: 6,
      at: '2026-01-01T09:05:00.000Z',
      kind: 'hand',
      memberId: 'm1',
      raisedAt: '2026-01-01T09:05:00.000Z',
    },
  ]);
  const names = (by: 'progress' | 'name' | 'stuck') =>
    sortRows(boardRows(state), by).map((r) => r.nickname);

  it('by name, ignoring case', () => expect(names('name')).toEqual(['Ada', 'bob', 'zoe']));
  it('by progress, most completed first', () =>
    expect(names('progress')).toEqual(['bob', 'Ada', 'zoe']));
  it('by who is stuck: raised hands first, then least progress', () =>
    expect(names('stuck')).toEqual(['zoe', 'Ada', 'bob']));
});
