import { describe, expect, it } from 'vitest';
import { exportRows, toCsv } from './export';

const at = '2026-01-01T09:00:00.000Z';
const members = [
  { id: 'm1', nickname: 'zoe', joinedAt: at },
  { id: 'm2', nickname: 'ada', joinedAt: at, leftAt: at },
];
const row = (memberId: string, lesson: string, state: 'working' | 'completed', bytes?: number) => ({
  memberId,
  lesson,
  state,
  startedAt: at,
  updatedAt: at,
  completedAt: state === 'completed' ? at : undefined,
  bytes,
  goalsMet: 1,
  goalsTotal: 1,
  score: state === 'completed' ? 90 : undefined,
  attempts: 2,
});

describe('exportRows', () => {
  it('has one row per completed lesson, learners who left included, in name and course order', () => {
    const rows = exportRows(
      members,
      [
        row('m1', 'two', 'completed', 5),
        row('m1', 'one', 'completed', 7),
        row('m2', 'one', 'completed'),
        row('m1', 'three', 'working', 1),
      ],
      ['one', 'two', 'three'],
    );
    expect(rows).toEqual([
      { nickname: 'ada', lesson: 'one', completedAt: at, finalBytes: null, score: 90, attempts: 2 },
      { nickname: 'zoe', lesson: 'one', completedAt: at, finalBytes: 7, score: 90, attempts: 2 },
      { nickname: 'zoe', lesson: 'two', completedAt: at, finalBytes: 5, score: 90, attempts: 2 },
    ]);
  });
});

describe('toCsv', () => {
  it('writes a header, quotes what needs quoting and defuses formulas', () => {
    const csv = toCsv([
      {
        nickname: 'a "b", c',
        lesson: 'one',
        completedAt: at,
        finalBytes: 1,
        score: null,
        attempts: 1,
      },
      {
        nickname: '=HYPERLINK("x")',
        lesson: 'one',
        completedAt: at,
        finalBytes: null,
        score: 3,
        attempts: 1,
      },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'nickname,lesson,completedAt,finalBytes,score,attempts',
      `"a ""b"", c",one,${at},1,,1`,
      `"'=HYPERLINK(""x"")",one,${at},,3,1`,
      '',
    ]);
  });
});
