/**
 * Learner progress: only facts are stored (completed slugs, drafts, settings) under a schema
 * version; lesson status (locked / available / completed) is derived from them every time.
 * Everything here is pure; storage is passed in by the client (see `ProgressStorage`).
 */
import {
  PROGRESS_BACKUP_KEY,
  backupSentence,
  writeBackup,
  type BackupWriteResult,
} from './backups';
import * as v from 'valibot';
import { SlugSchema } from '../lessons/slug';
import { LIMITS } from '../limits';

export { PROGRESS_BACKUP_KEY };

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
  /**
   * Why loading lost part of the stored text (reset, damaged entries skipped, fields of a newer
   * version not understood), as a phrase for the backup list; `undefined` when nothing was lost.
   * The next save would overwrite what was lost, so `readProgress` keeps a copy first.
   */
  lossReason?: string;
  /** What happened to the copy of the stored text (`readProgress` only; undefined: none needed). */
  backup?: BackupWriteResult;
  /** The stored text, when it had to be copied and the copy failed: offer it for download. */
  unkeptRaw?: string;
}

/** Key under which progress is stored. */
export const PROGRESS_KEY = 'layerlab:progress';
export const PROGRESS_VERSION = 1;
/** Draft key of the playground. */
export const PLAYGROUND_DRAFT = 'playground';
/** A draft bigger than this is not saved (localStorage holds about 5 MB per origin in Chromium). */
export const MAX_DRAFT_CHARS = LIMITS.draftChars;
/**
 * At most this many drafts are saved: a new one past it is refused with a reason, and stored
 * data holding more is loaded whole and said to be over (never cut).
 */
export const MAX_DRAFTS = 200;

/** Top-level fields this version understands; any other one is lost at the next save. */
const KNOWN_FIELDS = new Set([
  'version',
  'completed',
  'drafts',
  'unlockAll',
  'lastLesson',
  'theme',
  'looked',
]);

/** Fresh progress: nothing completed, no drafts, lessons unlock in order. */
export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, completed: [], drafts: {}, unlockAll: false };
}

// The stored shape, field by field (valibot): `salvage` keeps each field that passes its schema
// and counts the ones that do not, so one damaged entry never costs the rest.
const ThemeSchema = v.picklist(['light', 'dark', 'system']);
/** A JSON object (not an array, not null). */
const RecordSchema = v.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
);
const SlugListSchema = v.array(v.unknown());
const DraftText = v.pipe(v.string(), v.maxLength(MAX_DRAFT_CHARS));
const DraftSchema = v.looseObject({
  dockerfile: DraftText,
  dockerignore: DraftText,
  savedAt: v.fallback(
    v.pipe(
      v.string(),
      v.check((text) => !Number.isNaN(Date.parse(text))),
    ),
    () => new Date(0).toISOString(),
  ),
});
const isSlug = (value: unknown): value is string => v.is(SlugSchema, value);

interface Salvage {
  progress: Progress;
  /** Fields dropped because they were damaged. */
  dropped: number;
  /** True when the object had nothing recognisable at all. */
  isForeign: boolean;
  /** Top-level fields this version does not know (kept only in a backup). */
  unknownFields: number;
}

/**
 * Rebuilds a Progress from any parsed JSON, keeping each field that is valid and counting the
 * ones that are not. Accepts the pre-release shape without `version` (same fields).
 */
function salvage(value: unknown): Salvage {
  const progress = emptyProgress();
  if (!v.is(RecordSchema, value)) {
    return { progress, dropped: 1, isForeign: true, unknownFields: 0 };
  }
  const record = value;
  let dropped = 0;
  let recognised = 0;

  if ('completed' in record) {
    recognised++;
    if (v.is(SlugListSchema, record.completed)) {
      const slugs = record.completed.filter(isSlug);
      dropped += record.completed.length - slugs.length;
      progress.completed = [...new Set(slugs)];
    } else dropped++;
  }

  if ('drafts' in record) {
    recognised++;
    const drafts = record.drafts;
    if (v.is(RecordSchema, drafts)) {
      for (const [slug, draft] of Object.entries(drafts)) {
        const valid = validDraft(slug, draft);
        if (valid) progress.drafts[slug] = valid;
        else dropped++;
      }
    } else dropped++;
  }

  if ('unlockAll' in record) {
    recognised++;
    if (v.is(v.boolean(), record.unlockAll)) progress.unlockAll = record.unlockAll;
    else dropped++;
  }

  if ('lastLesson' in record) {
    recognised++;
    if (isSlug(record.lastLesson)) progress.lastLesson = record.lastLesson;
    else dropped++;
  }

  if ('theme' in record) {
    recognised++;
    if (v.is(ThemeSchema, record.theme)) progress.theme = record.theme;
    else dropped++;
  }

  if ('looked' in record) {
    recognised++;
    if (v.is(SlugListSchema, record.looked)) {
      const slugs = record.looked.filter(isSlug);
      dropped += record.looked.length - slugs.length;
      progress.looked = [...new Set(slugs)];
    } else dropped++;
  }

  const unknownFields = Object.keys(record).filter(
    (key) => !KNOWN_FIELDS.has(key) && key !== 'app' && key !== 'exportedAt',
  ).length;
  return { progress, dropped, isForeign: recognised === 0, unknownFields };
}

function validDraft(slug: string, value: unknown): Draft | undefined {
  if (!isSlug(slug)) return undefined;
  const draft = v.safeParse(DraftSchema, value);
  if (!draft.success) return undefined;
  const { dockerfile, dockerignore, savedAt } = draft.output;
  return { dockerfile, dockerignore, savedAt };
}

/**
 * Reads stored progress text. Never throws: `null` or empty gives fresh progress without a
 * notice; damaged, old or newer data is recovered field by field (or reset) with a notice and a
 * `lossReason` saying what the next save would lose. Nothing is ever cut to a cap.
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
        'Your saved progress could not be read (the stored data is damaged), so it was reset.',
      isReset: true,
      lossReason: 'Could not be read (damaged)',
    };
  }
  const { progress, dropped, isForeign, unknownFields } = salvage(parsed);
  if (isForeign) {
    return {
      progress,
      notice: 'Your saved progress was not in a format Layerlab understands, so it was reset.',
      isReset: true,
      lossReason: 'Not in a format Layerlab understands',
    };
  }
  const overCap = overDraftCapSentence(progress);
  const version = (parsed as Record<string, unknown>).version;
  if (typeof version === 'number' && version > PROGRESS_VERSION) {
    return withSentence(
      {
        progress,
        notice:
          'Your progress was saved by a newer version of Layerlab. What this version understands was kept; reload to get the newest version.',
        lossReason: `Saved by a newer version (schema ${Number.isSafeInteger(version) ? version : '?'})`,
      },
      overCap,
    );
  }
  if (dropped > 0) {
    return withSentence(
      {
        progress,
        notice: `Part of your saved progress was damaged and was skipped (${dropped} ${dropped === 1 ? 'entry' : 'entries'}). The rest was kept.`,
        lossReason: `${dropped} damaged ${dropped === 1 ? 'entry' : 'entries'} skipped`,
      },
      overCap,
    );
  }
  if (unknownFields > 0) {
    return withSentence(
      {
        progress,
        notice: `Your saved progress has ${unknownFields === 1 ? 'a field' : `${unknownFields} fields`} this version of Layerlab does not know; the rest was kept.`,
        lossReason: `${unknownFields} unknown ${unknownFields === 1 ? 'field' : 'fields'}`,
      },
      overCap,
    );
  }
  return overCap ? { progress, notice: overCap } : { progress };
}

function withSentence(result: LoadResult, sentence: string | undefined): LoadResult {
  return sentence ? { ...result, notice: `${result.notice} ${sentence}` } : result;
}

/** Says so when stored data holds more drafts than may be saved; undefined when within the cap. */
function overDraftCapSentence(progress: Progress): string | undefined {
  const count = Object.keys(progress.drafts).length;
  if (count <= MAX_DRAFTS) return undefined;
  return `You have ${count.toLocaleString('en')} saved drafts, more than the ${MAX_DRAFTS} Layerlab saves: all were kept, but a draft for another lesson is not saved until you delete some in Settings.`;
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
 * nothing changed, the slug is invalid, the draft is over `MAX_DRAFT_CHARS` or it would be a new
 * draft past `MAX_DRAFTS` (see `draftProblem` for the reason to show).
 */
export function saveDraft(
  progress: Progress,
  slug: string,
  files: DraftFiles,
  now: Date = new Date(),
): Progress {
  if (!isSlug(slug) || draftProblem(files, progress, slug)) return progress;
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

/**
 * Why a draft cannot be saved, or undefined when it can. With `progress` and `slug`, also refuses
 * a new draft past `MAX_DRAFTS` (an existing one can always be updated).
 */
export function draftProblem(
  files: DraftFiles,
  progress?: Progress,
  slug?: string,
): string | undefined {
  const chars = files.dockerfile.length + files.dockerignore.length;
  if (chars > MAX_DRAFT_CHARS) {
    return `This draft is too large to autosave (${chars.toLocaleString('en')} characters; the limit is ${MAX_DRAFT_CHARS.toLocaleString('en')}).`;
  }
  if (progress && slug !== undefined && !(slug in progress.drafts)) {
    const count = Object.keys(progress.drafts).length;
    if (count >= MAX_DRAFTS) {
      return `This draft was not saved: ${count.toLocaleString('en')} drafts are saved already, the most Layerlab keeps. Delete old drafts in Settings to save it.`;
    }
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
  if (!v.is(RecordSchema, parsed)) {
    return { ok: false, reason: 'The file does not contain Layerlab progress.' };
  }
  const record = parsed;
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

/**
 * Loads progress from storage. Before a lossy load (see `LoadResult.lossReason`) it keeps a dated
 * copy of the stored text (`writeBackup`), and the notice says truthfully whether the copy was
 * kept; when it could not be, `unkeptRaw` holds the text for the caller to offer. Never throws.
 */
export function readProgress(storage: ProgressStorage, now: Date = new Date()): LoadResult {
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
  if (result.lossReason === undefined || raw === null) return result;
  const backup = writeBackup(storage, raw, result.lossReason, now);
  const sentence = backupSentence(backup);
  return {
    ...withSentence(result, sentence),
    backup,
    ...(backup.ok ? {} : { unkeptRaw: raw }),
  };
}

/**
 * Keeps a dated copy of the stored text before it is replaced on purpose (import, reset, restore):
 * `undefined` when nothing is stored. Never throws.
 */
export function backupStored(
  storage: ProgressStorage,
  reason: string,
  now: Date = new Date(),
): BackupWriteResult | undefined {
  let raw: string | null;
  try {
    raw = storage.get(PROGRESS_KEY);
  } catch {
    return { ok: false, reason: 'browser storage is blocked' };
  }
  if (raw === null || raw.trim() === '') return undefined;
  return writeBackup(storage, raw, reason, now);
}

/**
 * Puts a backup's text back as the stored progress, exactly as it was, after keeping a copy of
 * what is stored now; then loads it like any stored text (a newer-version copy loads what this
 * version understands and stays byte for byte in storage until the next save). Never throws.
 */
export function restoreBackup(
  storage: ProgressStorage,
  raw: string,
  now: Date = new Date(),
): { ok: true; result: LoadResult } | { ok: false; reason: string } {
  const before = backupStored(storage, 'Before restoring a backup', now);
  if (before && !before.ok) {
    return {
      ok: false,
      reason: `Not restored: the current progress could not be copied first (${before.reason}). Export it, then try again.`,
    };
  }
  try {
    storage.set(PROGRESS_KEY, raw);
  } catch {
    return {
      ok: false,
      reason: 'Not restored: browser storage refused the copy (full or blocked).',
    };
  }
  return { ok: true, result: readProgress(storage, now) };
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
