import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { deflateSync, strToU8 } from 'fflate';
import { PROGRESS_KEY } from '../../lib/progress';
import { shareUrl, type SharePayload } from '../../lib/share';

const LESSONS_DIR = join(__dirname, '..', '..', 'content', 'lessons');

export interface LessonFolder {
  folder: string;
  slug: string;
}

/** The lessons in course order, read from the content folders (the prefix sets the order). */
export const LESSONS: LessonFolder[] = readdirSync(LESSONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && /^\d{2}-/.test(entry.name))
  .map((entry) => entry.name)
  .sort()
  .map((folder) => ({ folder, slug: folder.slice(3) }));

/** A lesson's `start.Dockerfile` or `solution.Dockerfile`, as the content authors wrote it. */
export function lessonDockerfile(slug: string, which: 'start' | 'solution'): string {
  const lesson = LESSONS.find((item) => item.slug === slug);
  if (!lesson) throw new Error(`No lesson with slug ${slug}`);
  return readFileSync(join(LESSONS_DIR, lesson.folder, `${which}.Dockerfile`), 'utf8');
}

/** Stored progress as the site writes it (lib/progress, schema version 1). */
export interface SeedProgress {
  completed?: string[];
  unlockAll?: boolean;
  theme?: 'light' | 'dark' | 'system';
  drafts?: Record<string, { dockerfile: string; dockerignore: string }>;
}

/**
 * Writes `raw` to the progress key before the site's first script runs, once per tab: a reload
 * keeps what the site saved since (the guard lives in sessionStorage, which survives reloads).
 */
export async function seedRawProgress(page: Page, raw: string): Promise<void> {
  await page.addInitScript(
    ({ key, value }) => {
      if (window.sessionStorage.getItem('e2e:seeded') === '1') return;
      window.localStorage.setItem(key, value);
      window.sessionStorage.setItem('e2e:seeded', '1');
    },
    { key: PROGRESS_KEY, value: raw },
  );
}

/** Seeds valid progress (see `seedRawProgress`) to reach a state without clicking through it. */
export async function seedProgress(page: Page, seed: SeedProgress): Promise<void> {
  const savedAt = '2026-01-01T00:00:00.000Z';
  const drafts = Object.fromEntries(
    Object.entries(seed.drafts ?? {}).map(([slug, files]) => [slug, { ...files, savedAt }]),
  );
  await seedRawProgress(
    page,
    JSON.stringify({
      version: 1,
      completed: seed.completed ?? [],
      drafts,
      unlockAll: seed.unlockAll ?? false,
      ...(seed.theme ? { theme: seed.theme } : {}),
    }),
  );
}

/** The progress the site saved, parsed (undefined when nothing is stored). */
export async function storedProgress(page: Page): Promise<Record<string, unknown> | undefined> {
  const raw = await page.evaluate((key) => window.localStorage.getItem(key), PROGRESS_KEY);
  return raw === null ? undefined : (JSON.parse(raw) as Record<string, unknown>);
}

/** Path (with fragment) of the share page for a payload, made by the site's own codec. */
export function sharePath(payload: SharePayload): string {
  return shareUrl('', payload);
}

/**
 * A v1 link whose payload was edited by hand: valid compression and base64url around `json`,
 * which is not what the codec would write (wrong types, extra fields...).
 */
export function handMadeSharePath(json: string): string {
  const bytes = deflateSync(strToU8(json));
  const data = Buffer.from(bytes).toString('base64url');
  return `/share#v1=${data}`;
}

/** About 1 MB of Dockerfile: more lines and characters than the analyzer reads. */
export function oneMegabyteDockerfile(): string {
  const lines = ['FROM alpine:3.20'];
  let length = lines[0].length;
  for (let i = 0; length < 1_000_000; i++) {
    const line = `RUN echo "line ${i} ${'x'.repeat(48)}" > /dev/null`;
    lines.push(line);
    length += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

/** Every page of the site a learner can reach (lessons listed separately in LESSONS). */
export const STATIC_PAGES = ['/', '/playground', '/settings'] as const;

/** Holds back every script file of the site until the returned function is called. */
export async function holdScripts(page: Page): Promise<() => void> {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_next/static/**/*.js', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/**
 * Holds back Monaco's script (the one over 1 MB that names monaco; the analysis worker's size
 * tables are that big too, and must come) until the returned function is called. With
 * `anyLarge`, every script over 1 MB waits.
 */
export async function holdMonaco(page: Page, anyLarge = false): Promise<() => void> {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_next/static/chunks/*.js', async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    if (body.length > 1_000_000 && (anyLarge || body.includes('monaco'))) await held;
    await route.fulfill({ response, body });
  });
  return release;
}
