/**
 * Dated copies of the raw stored progress text, kept before anything could lose part of it (a
 * lossy load, an import, a reset), listed and restorable from Settings. Pure: the storage is
 * passed in. Copies are the stored text byte for byte, so a copy written by a newer version of
 * Layerlab can be restored for that version to read in full.
 */
import type { ProgressStorage } from './progress';

/** Key of the list of dated backups (JSON array, oldest first). */
export const PROGRESS_BACKUPS_KEY = 'layerlab:progress:backups';
/** Key of the single backup slot of earlier releases: still listed and restorable. */
export const PROGRESS_BACKUP_KEY = 'layerlab:progress:backup';
/** How many dated backups are kept; the oldest is dropped first, and the learner is told. */
export const MAX_BACKUPS = 5;

export interface ProgressBackup {
  /** ISO 8601 time the copy was made; `undefined` for the single slot of earlier releases. */
  savedAt?: string;
  /** Why the copy was made, as a phrase for the list ("Saved by a newer version"). */
  reason: string;
  /** The stored progress text, exactly as it was. */
  raw: string;
  /** True for the single slot of earlier releases (its own key). */
  isLegacy?: boolean;
}

export type BackupWriteResult =
  | { ok: true; droppedCount: number; keptCount: number; isAlreadyKept: boolean }
  | { ok: false; reason: string };

/** Parses the stored list; anything malformed is left out. Never throws. */
export function parseBackups(text: string | null): ProgressBackup[] {
  if (text === null) return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const backups: ProgressBackup[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) continue;
    const { savedAt, reason, raw } = item as Record<string, unknown>;
    if (typeof raw !== 'string' || typeof reason !== 'string') continue;
    if (typeof savedAt !== 'string' || Number.isNaN(Date.parse(savedAt))) continue;
    backups.push({ savedAt, reason, raw });
  }
  return backups;
}

/**
 * The list with `backup` appended, at most `max` long: the oldest are dropped first and counted.
 * A copy of text already in the list moves to the end with the new date instead of doubling.
 */
export function addBackup(
  backups: readonly ProgressBackup[],
  backup: ProgressBackup,
  max: number = MAX_BACKUPS,
): { backups: ProgressBackup[]; droppedCount: number; isAlreadyKept: boolean } {
  const others = backups.filter((item) => item.raw !== backup.raw);
  const next = [...others, backup];
  const droppedCount = Math.max(0, next.length - Math.max(1, max));
  return {
    backups: next.slice(droppedCount),
    droppedCount,
    isAlreadyKept: others.length !== backups.length,
  };
}

function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name ?? '';
  return /quota/i.test(name) || /quota/i.test(String(error));
}

/**
 * Stores a dated copy of `raw`. When storage is full, drops the oldest copies one at a time to
 * make room (counted in `droppedCount`); when even the new copy alone does not fit, or storage is
 * blocked, returns `{ ok: false, reason }` and leaves the existing list as it was. Never throws.
 */
export function writeBackup(
  storage: ProgressStorage,
  raw: string,
  reason: string,
  now: Date = new Date(),
): BackupWriteResult {
  let existing: ProgressBackup[];
  try {
    existing = parseBackups(storage.get(PROGRESS_BACKUPS_KEY));
  } catch {
    return { ok: false, reason: 'browser storage is blocked' };
  }
  const added = addBackup(existing, { savedAt: now.toISOString(), reason, raw });
  let backups = added.backups;
  let droppedCount = added.droppedCount;
  for (;;) {
    try {
      storage.set(PROGRESS_BACKUPS_KEY, JSON.stringify(backups));
      return {
        ok: true,
        droppedCount,
        keptCount: backups.length,
        isAlreadyKept: added.isAlreadyKept,
      };
    } catch (error) {
      if (!isQuotaError(error)) return { ok: false, reason: 'browser storage is blocked' };
      if (backups.length <= 1) return { ok: false, reason: 'browser storage is full' };
      backups = backups.slice(1);
      droppedCount++;
    }
  }
}

/** Every backup, oldest first, the single slot of earlier releases before the dated ones. */
export function listBackups(storage: ProgressStorage): ProgressBackup[] {
  try {
    const legacy = storage.get(PROGRESS_BACKUP_KEY);
    const dated = parseBackups(storage.get(PROGRESS_BACKUPS_KEY));
    return legacy === null || dated.some((item) => item.raw === legacy)
      ? dated
      : [
          { reason: 'Kept by an earlier version of Layerlab', raw: legacy, isLegacy: true },
          ...dated,
        ];
  } catch {
    return [];
  }
}

/**
 * The sentence a notice adds about the copy: what was kept, or truthfully that nothing was.
 * `undefined` when no copy was needed.
 */
export function backupSentence(result: BackupWriteResult | undefined): string | undefined {
  if (result === undefined) return undefined;
  if (!result.ok) {
    return `No copy of the stored data could be kept (${result.reason}): export your progress in Settings now, before it is saved again.`;
  }
  const dropped =
    result.droppedCount > 0
      ? ` The oldest ${result.droppedCount === 1 ? 'backup was' : `${result.droppedCount} backups were`} removed to make room (at most ${MAX_BACKUPS} are kept).`
      : '';
  return `A dated copy of the stored data was kept: restore it from Settings → Backups.${dropped}`;
}
