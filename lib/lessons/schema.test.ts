import { describe, expect, it } from 'vitest';
import { checkLessonMeta } from './schema';

const valid = {
  title: 'Choose the right base image',
  summary: 'The FROM line decides most of an image’s size before you write a single RUN.',
  technique: 'base-image',
  goals: [
    { type: 'size-below', megabytes: 600 },
    { type: 'rule-clear', rule: 'large-base-image', label: 'No smaller base left' },
    { type: 'app-starts', label: 'The app can still start', alreadyMet: true },
  ],
  hints: [
    'Look at the first line. How much of the estimate is the base image alone?',
    'Official images come in variants: the full one, -slim, and -alpine.',
    'Change the first line to FROM python:3.11-slim-bookworm and keep the rest.',
  ],
  project: {
    name: 'forecast-api',
    description: 'A small Python service.',
    files: [
      { path: 'requirements.txt', sizeBytes: 120, content: 'gunicorn==23.0.0\n' },
      { path: 'app/main.py', sizeBytes: 2_000 },
      { path: 'node_modules/express', sizeBytes: 200_000, fileCount: 40 },
    ],
  },
};

const issues = (meta: unknown) => {
  const result = checkLessonMeta(meta);
  return result.ok ? [] : result.issues;
};

describe('checkLessonMeta', () => {
  it('accepts a complete lesson', () => {
    expect(checkLessonMeta(valid)).toMatchObject({ ok: true });
  });

  it.each([
    ['an unknown goal type', { goals: [{ type: 'size-under', megabytes: 1 }, valid.goals[0]] }],
    [
      'a rule that is not registered',
      { goals: [{ type: 'rule-clear', rule: 'no-such-rule' }, valid.goals[0]] },
    ],
    [
      'a limit of zero megabytes',
      { goals: [{ type: 'size-below', megabytes: 0 }, valid.goals[1]] },
    ],
    [
      'a limit that is not a number',
      { goals: [{ type: 'size-below', megabytes: '600' }, valid.goals[1]] },
    ],
    [
      'a goal with a field it does not have',
      { goals: [{ type: 'non-root', path: 'x' }, valid.goals[0]] },
    ],
    ['a score above 100', { goals: [{ type: 'score-at-least', score: 101 }, valid.goals[0]] }],
    [
      'an absolute goal path',
      { goals: [{ type: 'file-shipped', path: '/app/main.py' }, valid.goals[0]] },
    ],
    [
      'a goal path with ..',
      { goals: [{ type: 'file-shipped', path: 'app/../x' }, valid.goals[0]] },
    ],
    ['a single goal', { goals: [valid.goals[0]] }],
    ['two hints', { hints: valid.hints.slice(0, 2) }],
    ['an empty hint', { hints: [...valid.hints, '   '] }],
    ['an unknown technique', { technique: 'smaller-images' }],
    ['a short title', { title: 'Base' }],
    ['a field lesson.ts does not have', { startDockerignore: '.git\n' }],
    [
      'a project path twice',
      { project: { ...valid.project, files: [...valid.project.files, valid.project.files[1]] } },
    ],
    [
      'a negative file size',
      { project: { ...valid.project, files: [{ path: 'a.txt', sizeBytes: -1 }] } },
    ],
    [
      'a project path ending in /',
      { project: { ...valid.project, files: [{ path: 'src/', sizeBytes: 1 }] } },
    ],
  ])('rejects %s, saying where', (_name, change) => {
    const found = issues({ ...valid, ...change });
    expect(found.length).toBeGreaterThan(0);
    const key = Object.keys(change)[0];
    expect(found.some((line) => line.startsWith(key))).toBe(true);
  });

  it('rejects what is not an object', () => {
    expect(issues(null).length).toBeGreaterThan(0);
    expect(issues([]).length).toBeGreaterThan(0);
  });
});
