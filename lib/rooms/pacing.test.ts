import { describe, expect, it } from 'vitest';
import { holdAt, normalizePacing, openAll, openNext, pacingFor, roomLessonState } from './pacing';

const lessons = ['one', 'two', 'three'];

describe('openNext', () => {
  it('opens the lesson after the last open one', () => {
    expect(openNext({ open: ['one'] }, lessons)).toEqual({ open: ['one', 'two'] });
  });
  it('opens the first lesson when none is open', () => {
    expect(openNext({ open: [] }, lessons)).toEqual({ open: ['one'] });
  });
  it('changes nothing when the last lesson is open', () => {
    const pacing = { open: ['one', 'two', 'three'] };
    expect(openNext(pacing, lessons)).toBe(pacing);
  });
});

describe('holdAt', () => {
  it('opens the lesson and those before it, closes the later ones', () => {
    expect(holdAt('two', lessons)).toEqual({ open: ['one', 'two'] });
  });
  it('is undefined for a lesson not in the course', () => {
    expect(holdAt('nine', lessons)).toBeUndefined();
  });
});

describe('normalizePacing', () => {
  it('keeps known slugs in course order without duplicates', () => {
    expect(normalizePacing(['three', 'nope', 'one', 'one'], lessons)).toEqual({
      open: ['one', 'three'],
    });
  });
  it('openAll opens every lesson', () => {
    expect(openAll(lessons)).toEqual({ open: lessons });
  });
});

describe('roomLessonState', () => {
  it('makes an open lesson available even when the one before is not done', () => {
    expect(roomLessonState({ open: ['two'] }, 'two', false)).toBe('available');
  });
  it('locks a lesson the room has not opened, whatever the local locks say', () => {
    expect(roomLessonState({ open: ['one'] }, 'two', false)).toBe('locked');
  });
  it('keeps a completed lesson completed', () => {
    expect(roomLessonState({ open: [] }, 'two', true)).toBe('completed');
  });
});

describe('pacingFor', () => {
  const now = { open: ['one'] };
  it.each([
    ['opens the next lesson', { action: 'open-next' as const }, ['one', 'two']],
    ['opens every lesson', { action: 'open-all' as const }, ['one', 'two', 'three']],
    ['holds at a lesson', { action: 'hold' as const, lesson: 'two' }, ['one', 'two']],
    [
      'sets the open lessons in course order',
      { action: 'set' as const, open: ['three', 'one'] },
      ['one', 'three'],
    ],
  ])('%s', (_reason, request, open) => {
    expect(pacingFor(request, now, lessons)).toEqual({ ok: true, pacing: { open } });
  });
  it.each([
    [
      'holding at a lesson the room lacks',
      { action: 'hold' as const, lesson: 'nine' },
      /^lesson: .*"nine"/,
    ],
    [
      'setting a lesson the room lacks',
      { action: 'set' as const, open: ['one', 'nine'] },
      /^open: .*"nine"/,
    ],
  ])('refuses %s, naming the field', (_reason, request, reason) => {
    const result = pacingFor(request, now, lessons);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });
});
