import { describe, expect, it } from 'vitest';
import { lessons } from '@/content/lessons/generated';
import { LESSON_VERSION_PATTERN, lessonVersion, versionState } from './lesson-version';

const lesson = lessons[0];

describe('lessonVersion', () => {
  it('is a 10-character stamp, stable for the same content', () => {
    expect(lessonVersion(lesson)).toMatch(LESSON_VERSION_PATTERN);
    expect(lessonVersion(structuredClone(lesson))).toBe(lessonVersion(lesson));
  });

  it('differs between the lessons of the course', () => {
    const stamps = new Set(lessons.map((item) => lessonVersion(item)));
    expect(stamps.size).toBe(lessons.length);
  });

  it('changes when what judges a solution changes', () => {
    const base = lessonVersion(lesson);
    const changed = [
      { ...lesson, goals: [...lesson.goals, { type: 'non-root' as const }] },
      { ...lesson, startDockerfile: `${lesson.startDockerfile}# edited\n` },
      { ...lesson, solutionDockerfile: `${lesson.solutionDockerfile}\n` },
      { ...lesson, startDockerignore: '.git\n' },
      {
        ...lesson,
        project: {
          ...lesson.project,
          files: lesson.project.files.map((file, i) =>
            i === 0 ? { ...file, sizeBytes: file.sizeBytes + 1 } : file,
          ),
        },
      },
    ];
    for (const variant of changed) expect(lessonVersion(variant)).not.toBe(base);
  });

  it('stays the same when only prose-like fields change (title, summary, hints)', () => {
    const edited = { ...lesson, title: 'Renamed', summary: 'Other words', hints: ['x'] };
    expect(lessonVersion(edited)).toBe(lessonVersion(lesson));
  });
});

describe('versionState', () => {
  it('tells current, changed and unknown apart', () => {
    expect(versionState('0123456789', '0123456789')).toBe('current');
    expect(versionState('0123456789', 'abcdefghjk')).toBe('changed');
    expect(versionState(undefined, 'abcdefghjk')).toBe('unknown');
  });
});
