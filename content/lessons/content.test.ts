import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { imageRow } from '@/components/mdx/base-image-data';
import type { Lesson } from '@/lib/lessons/types';
import { checkLesson } from './check-helpers';
import { LESSON_SLUGS, lessonFolders, lessons } from './generated';
import { checkLessonMeta } from '@/lib/lessons/schema';
import { ALTERNATIVES, BROKEN } from './variants';
import { renderAll } from '../../scripts/gen-lessons';

const ROOT = join(__dirname, '..', '..');
const LESSONS_DIR = __dirname;
const folders = readdirSync(LESSONS_DIR)
  .filter((name) => statSync(join(LESSONS_DIR, name)).isDirectory())
  .sort();
/** The slugs the folders give (NN-slug, in NN order): nothing else lists the lessons. */
const SLUGS = folders.map((folder) => folder.replace(/^\d{2}-/, ''));

function mdx(lesson: Lesson): string {
  return readFileSync(join(LESSONS_DIR, lessonFolders[lesson.slug], 'index.mdx'), 'utf8');
}

describe('lesson folders', () => {
  it('are the course lessons, in order, with slug = folder minus its NN- prefix', () => {
    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) expect(folder).toMatch(/^\d{2}-[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(lessons.map((l) => l.slug)).toEqual(SLUGS);
    expect([...LESSON_SLUGS]).toEqual(SLUGS);
    lessons.forEach((lesson, i) => {
      expect(lesson.order).toBe(i + 1);
      expect(lessonFolders[lesson.slug]).toBe(folders[i]);
    });
  });

  it('the generated files are what scripts/gen-lessons.ts writes now (run `npm run gen:lessons`)', () => {
    const stale = renderAll()
      .filter(([path, text]) => readFileSync(path, 'utf8') !== text)
      .map(([path]) => path.slice(ROOT.length + 1));
    expect(stale).toEqual([]);
  });

  it('each technique lesson teaches its own technique; the last is the capstone', () => {
    expect(lessons.at(-1)?.technique).toBe('capstone');
    for (const lesson of lessons.slice(0, -1)) expect(lesson.technique).toBe(lesson.slug);
  });
});

describe.each(lessons.map((l) => [l.slug, l] as const))('lesson %s', (_slug, lesson) => {
  it('lesson.ts passes the lesson schema', async () => {
    const meta = (await import(`./${lessonFolders[lesson.slug]}/lesson.ts`)).default;
    const result = checkLessonMeta(meta);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('has a title, summary, goals and at least three hints', () => {
    expect(lesson.title.length).toBeGreaterThan(5);
    expect(lesson.summary.length).toBeGreaterThan(20);
    expect(lesson.goals.length).toBeGreaterThanOrEqual(2);
    expect(lesson.hints.length).toBeGreaterThanOrEqual(3);
    for (const hint of lesson.hints) expect(hint.trim().length).toBeGreaterThan(20);
  });

  it('has a realistic project: unique relative paths, manifests with content, a .git', () => {
    const paths = lesson.project.files.map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of paths) expect(p).not.toMatch(/^(\.\/|\/)|\/$/);
    for (const f of lesson.project.files) expect(f.sizeBytes).toBeGreaterThanOrEqual(0);
    expect(paths.some((p) => p.startsWith('.git/'))).toBe(true);
    expect(paths).toContain('.env');
    const manifests = lesson.project.files.filter((f) =>
      ['package.json', 'requirements.txt'].includes(f.path),
    );
    expect(manifests.length).toBe(1);
    expect(manifests[0].content?.length).toBeGreaterThan(20);
  });

  it('keeps code blocks in the prose within 70 columns', () => {
    const blocks = mdx(lesson).match(/^```[^\n]*\n[\s\S]*?^```/gm) ?? [];
    const long = blocks.flatMap((b) => b.split('\n')).filter((line) => line.length > 70);
    expect(long).toEqual([]);
  });

  it('keeps inline code short enough not to push a 375 px page sideways', () => {
    const prose = mdx(lesson).replace(/^```[\s\S]*?^```/gm, '');
    const long = (prose.match(/`[^`\n]+`/g) ?? []).filter((code) => code.length > 38);
    expect(long).toEqual([]);
  });

  it('uses only MDX components registered in mdx-components.tsx, and compiles', async () => {
    const registry = readFileSync(join(ROOT, 'mdx-components.tsx'), 'utf8');
    const prose = mdx(lesson)
      .replace(/^```[\s\S]*?^```/gm, '')
      .replace(/`[^`\n]*`/g, '');
    const used = new Set([...prose.matchAll(/<([A-Z][A-Za-z]*)/g)].map((m) => m[1]));
    for (const name of used) expect(registry).toMatch(new RegExp(`^\\s+${name},$`, 'm'));
    await expect(compile(mdx(lesson))).resolves.toBeDefined();
  });

  it('names only images that are in the measured size table', () => {
    const text = mdx(lesson);
    const refs = [
      ...[...text.matchAll(/refs=\{\[([\s\S]*?)\]\}/g)].flatMap((m) =>
        [...m[1].matchAll(/'([^']+)'/g)].map((r) => r[1]),
      ),
      ...[...text.matchAll(/ref: '([^']+)'/g)].map((m) => m[1]),
      ...[...text.matchAll(/image="([^"]+)"/g)].map((m) => m[1]),
    ];
    for (const ref of refs) expect(() => imageRow(ref), ref).not.toThrow();
  });

  it('the reference solution meets every goal with no warning or error', () => {
    const check = checkLesson(lesson, lesson.solutionDockerfile, lesson.solutionDockerignore);
    expect(check.unmet).toEqual([]);
    expect(check.warnings).toEqual([]);
    expect(check.report.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it.each([
    ['an empty Dockerfile', ''],
    ['FROM scratch', 'FROM scratch\n'],
    ['a base image and nothing else', 'FROM alpine:3.22\n'],
  ])('cannot be completed with %s', (_name, dockerfile) => {
    const check = checkLesson(lesson, dockerfile, lesson.solutionDockerignore);
    expect(check.unmet.length).toBeGreaterThan(0);
  });

  it('the starting Dockerfile fails at least one goal', () => {
    const check = checkLesson(lesson, lesson.startDockerfile, lesson.startDockerignore ?? '');
    expect(check.unmet.length).toBeGreaterThan(0);
  });

  it('the start meets exactly the goals marked "already fine" (and the implicit no-errors one may go either way)', () => {
    const check = checkLesson(lesson, lesson.startDockerfile, lesson.startDockerignore ?? '');
    const declared = check.results.filter((r) => !r.isImplicit);
    expect(declared.map((r) => [r.label, r.isMet])).toEqual(
      declared.map((r) => [r.label, r.goal.alreadyMet === true]),
    );
  });

  it('every goal that judges whether the app starts uses the start model', () => {
    const startGoals = lesson.goals.filter((g) => g.type === 'app-starts');
    expect(startGoals).toHaveLength(1);
    expect(
      lesson.goals.filter((g) => g.type === 'rule-clear' && g.rule === 'runtime-missing'),
    ).toEqual([]);
  });

  const broken = BROKEN[lesson.slug] ?? [];
  it('has at least three broken variants in the test', () => {
    expect(broken.length).toBeGreaterThanOrEqual(3);
  });

  it.each(broken.map((b) => [b.name, b] as const))(
    'rejects a broken variant: %s',
    (_name, variant) => {
      const check = checkLesson(
        lesson,
        variant.dockerfile,
        variant.dockerignore ?? lesson.solutionDockerignore,
      );
      const failed = check.results.filter((r) => !r.isMet).map((r) => r.label);
      expect(
        failed.some((label) => label.startsWith(variant.fails)),
        failed.join('; '),
      ).toBe(true);
    },
  );

  it('the solution is smaller than the start, or the same size when the lesson is about safety', () => {
    const start = checkLesson(lesson, lesson.startDockerfile, lesson.startDockerignore ?? '');
    const solution = checkLesson(lesson, lesson.solutionDockerfile, lesson.solutionDockerignore);
    expect(solution.report.size.bytes).toBeLessThanOrEqual(start.report.size.bytes);
  });

  const alternatives = ALTERNATIVES[lesson.slug] ?? [];
  it('has at least two alternative correct solutions in the test', () => {
    expect(alternatives.length).toBeGreaterThanOrEqual(2);
  });

  it.each(alternatives.map((a) => [a.name, a] as const))(
    'accepts another correct solution: %s',
    (_name, alternative) => {
      const check = checkLesson(
        lesson,
        alternative.dockerfile,
        alternative.dockerignore ?? lesson.solutionDockerignore,
      );
      expect(check.unmet).toEqual([]);
      expect(check.warnings).toEqual([]);
      expect(check.report.start.status).toBe('starts');
    },
  );
});
