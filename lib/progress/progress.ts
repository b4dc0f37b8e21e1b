/**
 * Learner progress: only facts are stored (completed slugs, drafts, settings) under a schema
 * version; lesson status (locked / available / completed) is derived from them every time.
 * Everything here is pure; storage is passed in by the client (see `ProgressStorage`).
 */

export type Theme = 'light' | 'dark' | 'system';

export interface DraftFiles {
  dockerfile: string;
  dockerignore: string;
}

export interface Draft extends DraftFiles {
  /** ISO 8601 time of the save. */
  savedAt: string;
}

export interface Progress {
  version: 1;
  /** Completed lesson slugs, in the order they were completed, no duplicates. */
  completed: string[];
  /** The learner's last texts per lesson slug; the key `playground` holds the playground's. */
  drafts: Record<string, Draft>;
  /** Every lesson available regardless of completion (trainers, people who know the basics). */
  unlockAll: boolean;
  /** Slug of the lesson opened last, for "Continue where you left off". */
  lastLesson?: string;
  theme?: Theme;
  /** Lesson slugs whose solution gallery was opened, after a confirmation, before solving them. */
  looked?: string[];
}

export type LessonState = 'locked' | 'available' | 'completed';

export interface LoadResult {
  progress: Progress;
  /** Set when stored data was damaged, old or foreign: say so to the learner. */
  notice?: string;
  /** True when nothing usable was found in non-empty data (the caller may keep a backup of it). */
  isReset?: boolean;
}

/** Key under which progress is stored. */
export const PROGRESS_KEY = 'layerlab:progress';
/** Where a copy of unreadable data is kept before it is replaced, so nothing is lost for good. */
export const PROGRESS_BACKUP_KEY = 'layerlab:progress:backup';
export const PROGRESS_VERSION = 1;
/** Draft key of the playground. */
export const PLAYGROUND_DRAFT = 'playground';
/** A draft bigger than this is not saved (localStorage holds about 5 MB per origin in Chromium). */
export const MAX_DRAFT_CHARS = 200_000;

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG_CHARS = 64;
const MAX_COMPLETED = 500;
const MAX_DRAFTS = 200;

/** Fresh progress: nothing completed, no drafts, lessons unlock in order. */
export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, completed: [], drafts: {}, unlockAll: false };
}

function isSlug(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_SLUG_CHARS && SLUG_PATTERN.test(value);
}

function isTheme(value: unknown): value is Theme {
  return value === 'light' || value === 'dark' || value === 'system';
}

interface Salvage {
  progress: Progress;
  /** Fields dropped because they were damaged. */
  dropped: number;
  /** True when the object had nothing recognisable at all. */
  isForeign: boolean;
}

/**
 * Rebuilds a Progress from any parsed JSON, keeping each field that is valid and counting the
 * ones that are not. Accepts the pre-release shape without `version` (same fields).
 */
function salvage(value: unknown): Salvage {
  const progress = emptyProgress();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { progress, dropped: 1, isForeign: true };
  }
  const record = value as Record<string, unknown>;
  let dropped = 0;
  let recognised = 0;

  if ('completed' in record) {
    recognised++;
    if (Array.isArray(record.completed)) {
      const slugs = record.completed.filter(isSlug);
      dropped += record.completed.length - slugs.length;
      progress.completed = [...new Set(slugs)].slice(0, MAX_COMPLETED);
    } else dropped++;
  }

  if ('drafts' in record) {
    recognised++;
    const drafts = record.drafts;
    if (typeof drafts === 'object' && drafts !== null && !Array.isArray(drafts)) {
      for (const [slug, draft] of Object.entries(drafts as Record<string, unknown>).slice(
        0,
        MAX_DRAFTS,
      )) {
        const valid = validDraft(slug, draft);
        if (valid) progress.drafts[slug] = valid;
        else dropped++;
      }
    } else dropped++;
  }

  if ('unlockAll' in record) {
    recognised++;
    if (typeof record.unlockAll === 'boolean') progress.unlockAll = record.unlockAll;
    else dropped++;
  }

  if ('lastLesson' in record) {
    recognised++;
    if (isSlug(record.lastLesson)) progress.lastLesson = record.lastLesson;
    else dropped++;
  }

  if ('theme' in record) {
    recognised++;
    if (isTheme(record.theme)) progress.theme = record.theme;
    else dropped++;
  }

  if ('looked' in record) {
    recognised++;
    if (Array.isArray(record.looked)) {
      const slugs = record.looked.filter(isSlug);
      dropped += record.looked.length - slugs.length;
      progress.looked = [...new Set(slugs)].slice(0, MAX_COMPLETED);
    } else dropped++;
  }

  return { progress, dropped, isForeign: recognised === 0 };
}

function validDraft(slug: string, value: unknown): Draft | undefined {
  if (!isSlug(slug) || typeof value !== 'object' || value === null) return undefined;
  const { dockerfile, dockerignore, savedAt } = value as Record<string, unknown>;
  if (typeof dockerfile !== 'string' || dockerfile.length > MAX_DRAFT_CHARS) return undefined;
  if (typeof dockerignore !== 'string' || dockerignore.length > MAX_DRAFT_CHARS) return undefined;
  const time =
    typeof savedAt === 'string' && !Number.isNaN(Date.parse(savedAt))
      ? savedAt
      : new Date(0).toISOString();
  return { dockerfile, dockerignore, savedAt: time };
}

/**
 * Reads stored progress text. Never throws: `null` or empty gives fresh progress without a
 * notice; damaged, old or newer data is recovered field by field (or reset) with a notice.
 */
export function loadProgress(raw: string | null): LoadResult {
  if (raw === null || raw.trim() === '') return { progress: emptyProgress() };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {
      progress: emptyProgress(),
      notice:
        'Your saved progress could not be read (the stored data is damaged), so it was reset. A copy was kept.',
      isReset: true,
    };
  }
  const { progress, dropped, isForeign } = salvage(parsed);
  if (isForeign) {
    return {
      progress,
      notice:
        'Your saved progress was not in a format Layerlab understands, so it was reset. A copy was kept.',
      isReset: true,
    };
  }
  const version = (parsed as Record<string, unknown>).version;
  if (typeof version === 'number' && version > PROGRESS_VERSION) {
    return {
      progress,
      notice:
        'Your progress was saved by a newer version of Layerlab. What this version understands was kept; reload to get the newest version.',
    };
  }
  if (dropped > 0) {
    return {
      progress,
      notice: `Part of your saved progress was damaged and was skipped (${dropped} ${dropped === 1 ? 'entry' : 'entries'}). The rest was kept.`,
    };
  }
  return { progress };
}

/** Serialises progress for storage. */
export function serializeProgress(progress: Progress): string {
  return JSON.stringify(progress);
}

/** Marks a lesson completed (idempotent: the same object comes back when it already was). */
export function completeLesson(progress: Progress, slug: string): Progress {
  if (!isSlug(slug) || progress.completed.includes(slug)) return progress;
  return { ...progress, completed: [...progress.completed, slug] };
}

/**
 * Saves the learner's texts for a lesson (or `PLAYGROUND_DRAFT`). Returns the same object when
 * nothing changed, the slug is invalid or the draft is over `MAX_DRAFT_CHARS` (see `draftProblem`).
 */
export function saveDraft(
  progress: Progress,
  slug: string,
  files: DraftFiles,
  now: Date = new Date(),
): Progress {
  if (!isSlug(slug) || draftProblem(files)) return progress;
  const previous = progress.drafts[slug];
  if (
    previous &&
    previous.dockerfile === files.dockerfile &&
    previous.dockerignore === files.dockerignore
  ) {
    return progress;
  }
  const draft: Draft = {
    dockerfile: files.dockerfile,
    dockerignore: files.dockerignore,
    savedAt: now.toISOString(),
  };
  return { ...progress, drafts: { ...progress.drafts, [slug]: draft } };
}

/** Why a draft cannot be saved, or undefined when it can. */
export function draftProblem(files: DraftFiles): string | undefined {
  const chars = files.dockerfile.length + files.dockerignore.length;
  if (chars > MAX_DRAFT_CHARS) {
    return `This draft is too large to autosave (${chars.toLocaleString('en')} characters; the limit is ${MAX_DRAFT_CHARS.toLocaleString('en')}).`;
  }
  return undefined;
}

/** Removes a lesson's draft (Reset to start). */
export function discardDraft(progress: Progress, slug: string): Progress {
  if (!(slug in progress.drafts)) return progress;
  const drafts = { ...progress.drafts };
  delete drafts[slug];
  return { ...progress, drafts };
}

/**
 * True when `slug` has a saved draft whose texts differ from `files` — the case where loading
 * `files` would replace the learner's work, so ask first.
 */
export function draftDiffers(progress: Progress, slug: string, files: DraftFiles): boolean {
  const draft = progress.drafts[slug];
  return (
    draft !== undefined &&
    (draft.dockerfile !== files.dockerfile || draft.dockerignore !== files.dockerignore)
  );
}

export function setUnlockAll(progress: Progress, unlockAll: boolean): Progress {
  return progress.unlockAll === unlockAll ? progress : { ...progress, unlockAll };
}

export function setTheme(progress: Progress, theme: Theme): Progress {
  return progress.theme === theme ? progress : { ...progress, theme };
}

export function setLastLesson(progress: Progress, slug: string): Progress {
  return progress.lastLesson === slug || !isSlug(slug)
    ? progress
    : { ...progress, lastLesson: slug };
}

/**
 * Status of each lesson, from the facts: the first lesson is available; each next one unlocks
 * when the one before it is completed; `unlockAll` makes every lesson at least available.
 * Completed stays completed whatever the order it happened in.
 */
export function lessonStates(
  progress: Progress,
  slugs: readonly string[],
): Record<string, LessonState> {
  const done = new Set(progress.completed);
  const states: Record<string, LessonState> = {};
  slugs.forEach((slug, index) => {
    if (done.has(slug)) states[slug] = 'completed';
    else if (index === 0 || progress.unlockAll || done.has(slugs[index - 1]))
      states[slug] = 'available';
    else states[slug] = 'locked';
  });
  return states;
}

/**
 * The lesson to offer under "Continue where you left off": the last one opened if it is not
 * locked and not completed, otherwise the first available lesson in order; undefined when all
 * are completed.
 */
export function continueLesson(progress: Progress, slugs: readonly string[]): string | undefined {
  const states = lessonStates(progress, slugs);
  if (progress.lastLesson && states[progress.lastLesson] === 'available')
    return progress.lastLesson;
  return slugs.find((slug) => states[slug] === 'available');
}

/** Progress as a file for download: the same schema, marked with its origin and date. */
export function exportProgress(progress: Progress, now: Date = new Date()): string {
  return JSON.stringify({ app: 'layerlab', exportedAt: now.toISOString(), ...progress }, null, 2);
}

export type ImportResult =
  { ok: true; progress: Progress; notice?: string } | { ok: false; reason: string };

/** Cap on an import file, in characters. */
export const MAX_IMPORT_CHARS = 5_000_000;

/**
 * Parses a file made by `exportProgress`. Never throws; refuses text that is not a Layerlab
 * progress file, and recovers valid fields from a partly damaged one with a notice.
 */
export function importProgress(text: string): ImportResult {
  if (typeof text !== 'string' || text.trim() === '')
    return { ok: false, reason: 'The file is empty.' };
  if (text.length > MAX_IMPORT_CHARS)
    return { ok: false, reason: 'The file is too large to be a Layerlab progress file.' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {
      ok: false,
      reason: 'The file is not valid JSON, so it is not a Layerlab progress file.',
    };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, reason: 'The file does not contain Layerlab progress.' };
  }
  const record = parsed as Record<string, unknown>;
  if (record.app !== undefined && record.app !== 'layerlab') {
    return { ok: false, reason: 'The file was made by another application.' };
  }
  if (typeof record.version !== 'number') {
    return {
      ok: false,
      reason: 'The file does not contain Layerlab progress (no schema version).',
    };
  }
  const { progress, dropped, isForeign } = salvage(parsed);
  if (isForeign) return { ok: false, reason: 'The file does not contain Layerlab progress.' };
  if (record.version > PROGRESS_VERSION) {
    return {
      ok: true,
      progress,
      notice:
        'This file comes from a newer version of Layerlab; what this version understands was imported.',
    };
  }
  if (dropped > 0) {
    return {
      ok: true,
      progress,
      notice: `${dropped} damaged ${dropped === 1 ? 'entry was' : 'entries were'} skipped.`,
    };
  }
  return { ok: true, progress };
}

/** Where progress is kept; the client passes a localStorage-backed one, tests a Map. */
export interface ProgressStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** Loads progress from storage; keeps a backup of data that had to be reset. Never throws. */
export function readProgress(storage: ProgressStorage): LoadResult {
  let raw: string | null;
  try {
    raw = storage.get(PROGRESS_KEY);
  } catch {
    return {
      progress: emptyProgress(),
      notice:
        'Saved progress is not available in this browser (storage is blocked). Progress will last until you close the tab.',
    };
  }
  const result = loadProgress(raw);
  if (result.isReset && raw !== null) {
    try {
      storage.set(PROGRESS_BACKUP_KEY, raw);
    } catch {
      // The backup is a courtesy: failing to write it must not block loading.
    }
  }
  return result;
}

export type WriteResult = { ok: true } | { ok: false; reason: string };

/** Stores progress. A full or blocked storage gives `{ ok: false, reason }`, never a throw. */
export function writeProgress(storage: ProgressStorage, progress: Progress): WriteResult {
  try {
    storage.set(PROGRESS_KEY, serializeProgress(progress));
    return { ok: true };
  } catch (error) {
    const name = (error as { name?: string } | null)?.name ?? '';
    if (/quota/i.test(name) || /quota/i.test(String(error))) {
      return {
        ok: false,
        reason:
          'Your browser storage for this site is full, so the latest change was not saved. Export your progress, then remove old drafts in Settings.',
      };
    }
    return {
      ok: false,
      reason:
        'Your progress could not be saved (browser storage is blocked). It will last until you close the tab.',
    };
  }
}
