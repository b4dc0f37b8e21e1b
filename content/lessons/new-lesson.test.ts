/**
 * Adding a lesson touches only its folder: a copy of content/lessons with one more folder comes
 * out of the generator with the new lesson in every list the site, the analyzer and the tests
 * read (slugs, techniques, folders, lessons with their texts, alternatives, broken variants),
 * and no other source file keeps a hand-written list of the lessons.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  lessonFolders as readFolders,
  renderLessonSlugs,
  renderLessons,
} from '../../scripts/gen-lessons';
import { LESSON_SLUGS } from './generated';
import { loadAlternatives, loadBroken } from './variants';

const LESSONS_DIR = __dirname;
const ROOT = join(__dirname, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'layerlab-lessons-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The course as it is, with `NN-new-thing` before the capstone (which moves one down). */
function courseWithNewLesson(): string {
  const dir = mkdtempSync(join(tmp, 'course-'));
  const folders = readdirSync(LESSONS_DIR)
    .filter((f) => /^\d{2}-/.test(f))
    .sort();
  const capstone = folders.at(-1)!;
  const at = folders.length; // the new lesson takes the capstone's number
  for (const folder of folders.slice(0, -1))
    cpSync(join(LESSONS_DIR, folder), join(dir, folder), { recursive: true });
  cpSync(
    join(LESSONS_DIR, capstone),
    join(dir, `${String(at + 1).padStart(2, '0')}-${capstone.slice(3)}`),
    {
      recursive: true,
    },
  );
  const added = join(dir, `${String(at).padStart(2, '0')}-new-thing`);
  mkdirSync(join(added, 'alternatives'), { recursive: true });
  mkdirSync(join(added, 'broken'));
  writeFileSync(join(added, 'index.mdx'), '# A new thing\n');
  writeFileSync(join(added, 'lesson.ts'), 'export default {};\n');
  writeFileSync(join(added, 'start.Dockerfile'), 'FROM debian:bookworm\n');
  writeFileSync(join(added, 'solution.Dockerfile'), 'FROM debian:bookworm-slim\n');
  writeFileSync(join(added, 'solution.dockerignore'), '.git\n');
  writeFileSync(
    join(added, 'alternatives', '01-slim-by-digest.Dockerfile'),
    '# Alternative: slim pinned by digest\nFROM debian:bookworm-slim@sha256:' +
      'ab'.repeat(32) +
      '\n',
  );
  writeFileSync(
    join(added, 'broken', '01-full-image.Dockerfile'),
    '# Broken: the full image\n# Why: nothing got smaller\n# Fails: Image under\nFROM debian:bookworm\n',
  );
  writeFileSync(join(added, 'broken', '01-full-image.dockerignore'), '*\n');
  return dir;
}

describe('a new lesson folder', () => {
  const dir = courseWithNewLesson();
  const slugsFile: string = renderLessonSlugs(dir);
  const lessonsFile: string = renderLessons(dir);
  const capstone = LESSON_SLUGS.at(-1)!;

  it('is a lesson slug, a technique, and the capstone stays the last and no technique', () => {
    const list = (name: string) =>
      [
        ...(
          slugsFile.match(new RegExp(`export const ${name} = \\[([^\\]]*)\\]`))?.[1] ?? ''
        ).matchAll(/"([^"]+)"/g),
      ].map((m) => m[1]);
    const slugs = list('LESSON_SLUGS');
    expect(slugs).toEqual([...LESSON_SLUGS.slice(0, -1), 'new-thing', capstone]);
    expect(list('LESSON_TECHNIQUES')).toEqual([...LESSON_SLUGS.slice(0, -1), 'new-thing']);
  });

  it('is in generated.ts: its folder, its order and its texts', () => {
    const order = LESSON_SLUGS.length;
    const folder = `${String(order).padStart(2, '0')}-new-thing`;
    expect(lessonsFile).toContain(`"new-thing": "${folder}",`);
    expect(lessonsFile).toContain(`from './${folder}/lesson';`);
    expect(lessonsFile).toContain(`slug: "new-thing",\n    order: ${order},`);
    expect(lessonsFile).toContain('startDockerfile: "FROM debian:bookworm\\n",');
    expect(lessonsFile).toContain('solutionDockerfile: "FROM debian:bookworm-slim\\n",');
    expect(lessonsFile).toContain('startDockerignore: "",\n    solutionDockerignore: ".git\\n",');
    expect(lessonsFile).toContain(`slug: "${capstone}",\n    order: ${order + 1},`);
  });

  it('has its alternatives and broken variants read from its folder', () => {
    expect(loadAlternatives(dir)['new-thing']).toEqual([
      {
        name: 'slim pinned by digest',
        dockerfile: 'FROM debian:bookworm-slim@sha256:' + 'ab'.repeat(32) + '\n',
      },
    ]);
    expect(loadBroken(dir)['new-thing']).toEqual([
      {
        name: 'the full image',
        why: 'nothing got smaller',
        fails: 'Image under',
        dockerfile: 'FROM debian:bookworm\n',
        dockerignore: '*\n',
      },
    ]);
  });

  it('is refused with a reason when a file is missing, unknown or misnamed', () => {
    const bad = (change: (folder: string) => void, message: RegExp) => {
      const copy = mkdtempSync(join(tmp, 'bad-'));
      cpSync(dir, copy, { recursive: true });
      const folder = join(
        copy,
        readdirSync(copy).find((f) => f.endsWith('-new-thing'))!,
      );
      change(folder);
      expect(() => readFolders(copy)).toThrow(message);
    };
    bad((f) => rmSync(join(f, 'solution.Dockerfile')), /solution\.Dockerfile is missing/);
    bad((f) => writeFileSync(join(f, 'notes.txt'), ''), /notes\.txt: not part of a lesson folder/);
    bad((f) => writeFileSync(join(f, 'broken', 'full image.Dockerfile'), ''), /name it NN-name/);
  });

  it('a variant without its header is refused', () => {
    const copy = mkdtempSync(join(tmp, 'header-'));
    cpSync(dir, copy, { recursive: true });
    const folder = join(
      copy,
      readdirSync(copy).find((f) => f.endsWith('-new-thing'))!,
    );
    writeFileSync(join(folder, 'alternatives', '02-no-header.Dockerfile'), 'FROM alpine\n');
    expect(() => loadAlternatives(copy)).toThrow(/first line must say what it shows/);
    writeFileSync(
      join(folder, 'broken', '02-no-why.Dockerfile'),
      '# Broken: x\n# Fails: y\nFROM alpine\n',
    );
    expect(() => loadBroken(copy)).toThrow(/needs "# Why:" and "# Fails:"/);
  });
});

describe('no second list of the lessons', () => {
  /** Files allowed to name (nearly) every lesson, and why. */
  const ALLOWED: Record<string, string> = {
    'content/lessons/generated.ts': 'generated from the folders',
    'lib/analyzer/generated/lessons.ts': 'generated from the folders',
    'lib/lessons/goals.ts': 'display names of techniques; a new one reads as its slug',
    'components/workbench/FindingsPanel.tsx':
      'short titles for the "Lesson:" link of a finding; a new one reads as its slug',
  };
  const SOURCE = /\.(ts|tsx|mjs)$/;
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (
        ['node_modules', '.git', 'test-results', 'playwright-report', 'dist'].includes(name) ||
        name.startsWith('.next')
      )
        continue;
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (SOURCE.test(name)) files.push(path);
    }
  };
  for (const top of ['app', 'cli', 'components', 'content', 'e2e', 'lib', 'scripts', 'server'])
    walk(join(ROOT, top));

  it('no source file names all the lessons (or all but one) as strings', () => {
    const lists = files
      .map((path) => {
        const text = readFileSync(path, 'utf8');
        const named = LESSON_SLUGS.filter((slug) =>
          new RegExp(`['"\`]${slug}['"\`]|^\\s*${slug}:`, 'm').test(text),
        );
        return { file: relative(ROOT, path), named: named.length };
      })
      .filter((f) => f.named >= LESSON_SLUGS.length - 1 && !(f.file in ALLOWED));
    expect(lists).toEqual([]);
  });

  it('the allow-list has no stale entries', () => {
    for (const file of Object.keys(ALLOWED))
      expect(files.map((f) => relative(ROOT, f))).toContain(file);
  });
});
