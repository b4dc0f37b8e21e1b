import { describe, expect, it } from 'vitest';
import type { RoomEvent, Viewer } from './types';
import { applyLearnerEvent, isVisibleTo, learnerView, makeSpotlight } from './visibility';

const at = '2026-01-01T09:00:00.000Z';
const me: Viewer = { role: 'member', memberId: 'me' };
const progressOf = (memberId: string): RoomEvent => ({
  seq: 1,
  at,
  kind: 'progress',
  memberId,
  progress: {
    lesson: 'one',
    state: 'working',
    startedAt: at,
    updatedAt: at,
    goalsMet: 0,
    goalsTotal: 1,
    attempts: 1,
  },
});

describe('isVisibleTo', () => {
  it('shows a learner their own progress but never another learner’s', () => {
    expect(isVisibleTo(progressOf('me'), me)).toBe(true);
    expect(isVisibleTo(progressOf('other'), me)).toBe(false);
  });
  it('never tells a learner who else joined or raised a hand', () => {
    expect(
      isVisibleTo(
        { seq: 1, at, kind: 'member-joined', member: { id: 'x', nickname: 'x', joinedAt: at } },
        me,
      ),
    ).toBe(false);
    expect(isVisibleTo({ seq: 1, at, kind: 'hand', memberId: 'x', raisedAt: at }, me)).toBe(false);
  });
  it('shows the room’s own events to everyone', () => {
    for (const event of [
      { seq: 1, at, kind: 'pacing', pacing: { open: [] } },
      { seq: 1, at, kind: 'broadcast', broadcast: { kind: 'message', text: 'hi', at } },
      { seq: 1, at, kind: 'closed', closedAt: at },
    ] as RoomEvent[])
      expect(isVisibleTo(event, me)).toBe(true);
  });
  it('shows the trainer everything', () => {
    expect(isVisibleTo(progressOf('other'), { role: 'trainer' })).toBe(true);
  });
});

describe('makeSpotlight', () => {
  const solution = { lesson: 'one', dockerfile: 'FROM a', dockerignore: '' };
  it('hides the name by default', () => {
    expect(makeSpotlight(solution, 'ada', false)).not.toHaveProperty('nickname');
  });
  it('keeps the name when the trainer chose to show it', () => {
    expect(makeSpotlight(solution, 'ada', true).nickname).toBe('ada');
  });
});

describe('applyLearnerEvent', () => {
  const room = {
    id: 'r',
    code: 'ACDEFG',
    name: 'T',
    lessons: ['one', 'two'],
    pacing: { open: ['one'] },
    createdAt: at,
    expiresAt: at,
  };
  it('follows pacing, messages and the spotlight, and skips repeats', () => {
    let view = learnerView(room, {}, [], 0);
    view = applyLearnerEvent(view, {
      seq: 1,
      at,
      kind: 'pacing',
      pacing: { open: ['one', 'two'] },
    });
    view = applyLearnerEvent(view, {
      seq: 2,
      at,
      kind: 'broadcast',
      broadcast: { kind: 'message', text: 'hi', at },
    });
    view = applyLearnerEvent(view, {
      seq: 2,
      at,
      kind: 'broadcast',
      broadcast: { kind: 'message', text: 'hi', at },
    });
    expect(view.pacing.open).toEqual(['one', 'two']);
    expect(view.broadcasts.map((b) => b.text)).toEqual(['hi']);
    expect(view.seq).toBe(2);
  });
});
