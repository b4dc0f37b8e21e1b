'use client';

import { useCallback, useSyncExternalStore } from 'react';
import {
  PROGRESS_KEY,
  emptyProgress,
  readProgress,
  writeProgress,
  type Progress,
  type ProgressStorage,
} from '@/lib/progress';

/** What the hook returns: `progress` is undefined until the browser storage has been read. */
export interface ProgressState {
  progress: Progress | undefined;
  /** Something to tell the learner (damaged data recovered, storage full...). */
  notice: string | undefined;
}

interface Snapshot {
  progress: Progress;
  notice?: string;
}

const localStorageAdapter: ProgressStorage = {
  get: (key) => window.localStorage.getItem(key),
  set: (key, value) => window.localStorage.setItem(key, value),
};

let snapshot: Snapshot | undefined;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

function load(): Snapshot {
  const result = readProgress(localStorageAdapter);
  return { progress: result.progress, notice: result.notice };
}

function getSnapshot(): Snapshot {
  if (!snapshot) snapshot = load();
  return snapshot;
}

function onStorage(event: StorageEvent): void {
  // Another tab changed progress (or cleared storage): reload so every tab shows the same state.
  if (event.key !== null && event.key !== PROGRESS_KEY) return;
  const previousNotice = snapshot?.notice;
  snapshot = load();
  if (!snapshot.notice && previousNotice) snapshot = { ...snapshot, notice: previousNotice };
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
  const written = writeProgress(localStorageAdapter, next);
  snapshot = { progress: next, notice: written.ok ? current.notice : written.reason };
  emit();
}

/** Replaces the notice (undefined dismisses it). */
export function setProgressNotice(notice: string | undefined): void {
  const current = getSnapshot();
  if (current.notice === notice) return;
  snapshot = { ...current, notice };
  emit();
}

/** Replaces all progress (import, reset). */
export function replaceProgress(progress: Progress = emptyProgress(), notice?: string): void {
  const written = writeProgress(localStorageAdapter, progress);
  snapshot = { progress, notice: written.ok ? notice : written.reason };
  emit();
}

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
    update: updateProgress,
    dismissNotice,
  };
}
