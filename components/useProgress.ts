'use client';

import { useCallback, useEffect, useSyncExternalStore } from 'react';
import {
  PROGRESS_KEY,
  backupSentence,
  backupStored,
  carryConflicts,
  emptyProgress,
  listBackups,
  loadProgress,
  mergeProgress,
  progressForStorage,
  readProgress,
  restoreBackup,
  sameDraft,
  sameProgress,
  settleConflict,
  writeProgress,
  type ConflictChoice,
  type Draft,
  type DraftConflict,
  type DraftFiles,
  type LoadResult,
  type Progress,
  type ProgressBackup,
  type ProgressStorage,
} from '@/lib/progress';

/** What the hook returns: `progress` is undefined until the browser storage has been read. */
export interface ProgressState {
  progress: Progress | undefined;
  /** Something to tell the learner (damaged data recovered, storage full...). */
  notice: string | undefined;
  /** Drafts another tab changed while this tab holds a different text: the learner chooses. */
  conflicts: DraftConflict[];
  /** Stored text that had to be copied before a lossy load but could not be: offer a download. */
  unkeptRaw: string | undefined;
}

interface Snapshot {
  progress: Progress;
  notice?: string;
  conflicts: DraftConflict[];
  unkeptRaw?: string;
}

const localStorageAdapter: ProgressStorage = {
  get: (key) => window.localStorage.getItem(key),
  set: (key, value) => window.localStorage.setItem(key, value),
};

let snapshot: Snapshot | undefined;
/** What this tab last read from or wrote to storage: the base of a merge with another tab. */
let stored: Progress | undefined;
/**
 * Drafts open in an editor on this page, with the texts each editor opened with, counted (a
 * page may mount one twice briefly).
 */
const openDrafts = new Map<string, { count: number; files: DraftFiles }>();
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

function load(): Snapshot {
  const result = readProgress(localStorageAdapter);
  stored = result.progress;
  return {
    progress: result.progress,
    notice: result.notice,
    conflicts: [],
    unkeptRaw: result.unkeptRaw,
  };
}

function getSnapshot(): Snapshot {
  if (!snapshot) snapshot = load();
  return snapshot;
}

/**
 * Writes `progress` and `conflicts` and shows them: a write that fails (quota, storage blocked)
 * keeps them for this tab and sets its reason as the notice.
 */
function store(current: Snapshot, progress: Progress, conflicts: DraftConflict[]): void {
  const written = write(progress, conflicts);
  snapshot = {
    ...current,
    progress,
    conflicts,
    notice: written.ok ? current.notice : written.reason,
  };
  emit();
}

/** Writes what this tab holds (other tabs' versions of open conflicts kept); notes the base. */
function write(progress: Progress, conflicts: readonly DraftConflict[]) {
  const toStore = progressForStorage(progress, conflicts);
  const written = writeProgress(localStorageAdapter, toStore);
  if (written.ok) stored = toStore;
  return written;
}

let hasBackedUpForTabs = false;

function loadStoredWithoutBackup(): LoadResult {
  try {
    return loadProgress(localStorageAdapter.get(PROGRESS_KEY));
  } catch {
    return readProgress(localStorageAdapter);
  }
}

function onStorage(event: StorageEvent): void {
  // Another tab changed progress (or cleared storage). Merge it with what this tab holds, so a
  // change kept only in memory (a save that failed) or open in an editor is never dropped.
  if (event.key !== null && event.key !== PROGRESS_KEY) return;
  const current = getSnapshot();
  // A tab of another version writing on every key press would otherwise fill the 5 backup
  // slots with copies of itself and push the older, meaningful ones out: one copy per page.
  const theirs = hasBackedUpForTabs ? loadStoredWithoutBackup() : readProgress(localStorageAdapter);
  if (theirs.lossReason !== undefined) hasBackedUpForTabs = true;
  const merged = mergeProgress(
    stored ?? theirs.progress,
    current.progress,
    theirs.progress,
    new Map([...openDrafts].map(([slug, { files }]) => [slug, files])),
  );
  const conflicts = carryConflicts(
    current.conflicts,
    merged.conflicts,
    theirs.progress,
    merged.progress,
  );
  stored = theirs.progress;
  let notice = theirs.notice ?? current.notice;
  if (!sameProgress(progressForStorage(merged.progress, conflicts), theirs.progress)) {
    const written = write(merged.progress, conflicts);
    if (!written.ok) notice = written.reason;
  }
  snapshot = {
    progress: merged.progress,
    notice,
    conflicts,
    unkeptRaw: theirs.unkeptRaw ?? current.unkeptRaw,
  };
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}

const serverSnapshot = undefined;

/**
 * Applies a pure update to the stored progress and saves it. A failed save (storage full or
 * blocked) keeps the change for this tab and sets a notice instead of throwing.
 */
export function updateProgress(change: (progress: Progress) => Progress): void {
  const current = getSnapshot();
  const next = change(current.progress);
  if (next === current.progress) return;
  // A conflict's own side is what this tab holds: typing on while it is open updates it.
  const conflicts = current.conflicts.map((conflict) => {
    const held = next.drafts[conflict.slug];
    return held && !sameDraft(held, conflict.mine) ? { ...conflict, mine: held } : conflict;
  });
  store(current, next, conflicts);
}

/** Replaces the notice (undefined dismisses it). */
export function setProgressNotice(notice: string | undefined): void {
  const current = getSnapshot();
  if (current.notice === notice) return;
  snapshot = { ...current, notice };
  emit();
}

/** The draft problem last shown, so that it can go once the draft is back within the limits. */
let draftNotice: string | undefined;

/**
 * Shows why a draft was not saved, or (undefined) takes that notice down again once a draft is
 * saved; any other notice stays until dismissed.
 */
export function setDraftNotice(problem: string | undefined): void {
  if (problem !== undefined) {
    draftNotice = problem;
    setProgressNotice(problem);
    return;
  }
  if (draftNotice !== undefined && getSnapshot().notice === draftNotice)
    setProgressNotice(undefined);
  draftNotice = undefined;
}

/**
 * Replaces all progress (import, reset, deleting drafts) after keeping a dated copy of what is
 * stored. Returns the sentence to show about the copy (undefined when nothing was stored).
 */
export function replaceProgress(
  progress: Progress = emptyProgress(),
  notice?: string,
  reason = 'Before replacing progress',
): string | undefined {
  const backup = backupStored(localStorageAdapter, reason);
  const written = write(progress, []);
  const current = getSnapshot();
  snapshot = { ...current, progress, conflicts: [], notice: written.ok ? notice : written.reason };
  emit();
  return backupSentence(backup);
}

/**
 * The learner typed `mine` into the page's prefilled editor before the page read a different
 * stored draft: this tab holds `mine` (and saves it as it changes) while storage keeps the stored
 * draft, until the learner settles the conflict. Nothing happens when no draft is stored.
 */
export function holdTypedBeforeLoad(slug: string, mine: DraftFiles): void {
  const current = getSnapshot();
  const theirs = current.progress.drafts[slug];
  if (!theirs || sameDraft(theirs, { ...mine, savedAt: theirs.savedAt })) return;
  const held: Draft = { ...mine, savedAt: new Date().toISOString() };
  const progress = { ...current.progress, drafts: { ...current.progress.drafts, [slug]: held } };
  const conflicts = [
    ...current.conflicts.filter((item) => item.slug !== slug),
    { slug, mine: held, theirs, origin: 'before-load' as const },
  ];
  store(current, progress, conflicts);
}

/** Settles a draft conflict: `mine` stores this tab's text, `theirs` takes the other tab's. */
export function settleDraftConflict(slug: string, choice: ConflictChoice): Draft | undefined {
  const current = getSnapshot();
  const conflict = current.conflicts.find((item) => item.slug === slug);
  if (!conflict) return undefined;
  const conflicts = current.conflicts.filter((item) => item !== conflict);
  // "Keep mine" keeps what this tab holds now, which may be newer than when the conflict began;
  // an editor that never saved keeps the text it shows, saved now so the other tab is told.
  const progress =
    choice === 'mine' && current.progress.drafts[slug] !== undefined
      ? current.progress
      : settleConflict(current.progress, conflict, choice);
  store(current, progress, conflicts);
  return progress.drafts[slug];
}

/** The backups kept in this browser, oldest first. */
export function readBackups(): ProgressBackup[] {
  return listBackups(localStorageAdapter);
}

/** Puts a backup back as the stored progress; returns the sentence to show. */
export function restoreProgressBackup(raw: string): { ok: boolean; message: string } {
  const restored = restoreBackup(localStorageAdapter, raw);
  if (!restored.ok) return { ok: false, message: restored.reason };
  stored = restored.result.progress;
  snapshot = {
    progress: restored.result.progress,
    notice: undefined,
    conflicts: [],
    unkeptRaw: restored.result.unkeptRaw,
  };
  emit();
  const detail = restored.result.notice ? ` ${restored.result.notice}` : '';
  return {
    ok: true,
    message: `Backup restored; what was stored before it was kept as a backup too.${detail}`,
  };
}

/**
 * Marks a draft as open in an editor on this page while the calling component is mounted, so a
 * change to it from another tab becomes a conflict instead of being overwritten silently.
 * `files` are the texts the editor opened with (its text while this tab has saved no draft).
 */
export function useOpenDraft(slug: string | undefined, files: DraftFiles | undefined): void {
  const dockerfile = files?.dockerfile;
  const dockerignore = files?.dockerignore;
  useEffect(() => {
    if (slug === undefined || dockerfile === undefined || dockerignore === undefined) return;
    const entry = openDrafts.get(slug);
    openDrafts.set(slug, { count: (entry?.count ?? 0) + 1, files: { dockerfile, dockerignore } });
    return () => {
      const current = openDrafts.get(slug);
      if (!current || current.count <= 1) openDrafts.delete(slug);
      else openDrafts.set(slug, { ...current, count: current.count - 1 });
    };
  }, [slug, dockerfile, dockerignore]);
}

const NO_CONFLICTS: DraftConflict[] = [];

/**
 * The learner's progress from localStorage, shared by every component on the page and kept in
 * sync with other tabs through the `storage` event. During server rendering and hydration
 * `progress` is undefined: render a neutral state until it arrives.
 */
export function useProgress(): ProgressState & {
  update: typeof updateProgress;
  dismissNotice: () => void;
} {
  const current = useSyncExternalStore<Snapshot | undefined>(
    subscribe,
    getSnapshot,
    () => serverSnapshot,
  );
  const dismissNotice = useCallback(() => setProgressNotice(undefined), []);
  return {
    progress: current?.progress,
    notice: current?.notice,
    conflicts: current?.conflicts ?? NO_CONFLICTS,
    unkeptRaw: current?.unkeptRaw,
    update: updateProgress,
    dismissNotice,
  };
}
