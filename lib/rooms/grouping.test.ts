import { describe, expect, it } from 'vitest';
import { groupSolutions, solutionKey } from './grouping';

describe('solutionKey', () => {
  it('is the same for texts that differ only in comments, case of keywords and layout', () => {
    const a = 'FROM alpine:3.20\nRUN apk add --no-cache curl \\\n    jq\n';
    const b = '# mine\nfrom alpine:3.20\n\nrun apk add --no-cache curl jq\n';
    expect(solutionKey(a)).toBe(solutionKey(b));
  });
  it('differs when an instruction differs', () => {
    expect(solutionKey('FROM alpine:3.20')).not.toBe(solutionKey('FROM alpine:3.19'));
  });
  it('takes the .dockerignore into account, without blank and comment lines', () => {
    expect(solutionKey('FROM a', '.git\n')).toBe(solutionKey('FROM a', '# vcs\n\n.git'));
    expect(solutionKey('FROM a', '.git')).not.toBe(solutionKey('FROM a', ''));
  });
});

describe('groupSolutions', () => {
  const s = (memberId: string, dockerfile: string, bytes: number | undefined, minute: number) => ({
    memberId,
    nickname: memberId,
    dockerfile,
    dockerignore: '',
    bytes,
    completedAt: `2026-01-01T09:${String(minute).padStart(2, '0')}:00.000Z`,
  });

  it('groups identical solutions and orders groups by size, then by count', () => {
    const groups = groupSolutions([
      s('a', 'FROM big', 300, 1),
      s('b', 'FROM small', 100, 3),
      s('c', 'from small', 100, 2),
      s('d', 'FROM other', 100, 4),
      s('e', 'FROM unknown', undefined, 5),
    ]);
    expect(groups.map((g) => [g.solutions.map((x) => x.memberId), g.bytes])).toEqual([
      [['c', 'b'], 100],
      [['d'], 100],
      [['a'], 300],
      [['e'], undefined],
    ]);
  });
});
