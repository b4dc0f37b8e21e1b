'use client';

import { useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import {
  emptyProgress,
  exportProgress,
  importProgress,
  setTheme,
  setUnlockAll,
  type Progress,
  type ProgressBackup,
  type Theme,
} from '@/lib/progress';
import { ConfirmDialog } from './ConfirmDialog';
import { downloadText } from './download';
import { readBackups, replaceProgress, restoreProgressBackup, useProgress } from './useProgress';

const THEMES: { value: Theme; label: string; help: string }[] = [
  { value: 'system', label: 'System', help: 'Follow your device’s setting.' },
  { value: 'light', label: 'Light', help: '' },
  { value: 'dark', label: 'Dark', help: '' },
];

/** "1 draft", "3 drafts". */
function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

type Pending =
  | { kind: 'import'; progress: Progress; notice?: string; fileName: string }
  | { kind: 'reset' }
  | { kind: 'drafts' }
  | { kind: 'restore'; backup: ProgressBackup; label: string };

/** "1 Dec 2026, 10:42" in the learner's locale; "an earlier version" for the old single slot. */
function backupLabel(backup: ProgressBackup): string {
  if (backup.savedAt === undefined) return 'From an earlier version';
  return new Date(backup.savedAt).toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** "12.3 kB" of stored text (UTF-16 code units, which is what browser storage counts). */
function textSize(text: string): string {
  return text.length < 1000
    ? `${text.length} characters`
    : `${(text.length / 1000).toLocaleString('en', { maximumFractionDigits: 1 })}k characters`;
}

/** Theme, unlock-all, export/import of progress as a file, deleting drafts and resetting. */
export function SettingsView({ lessonCount }: { lessonCount: number }) {
  const { progress, update } = useProgress();
  const [pending, setPending] = useState<Pending>();
  const [message, setMessage] = useState<{ text: string; isError: boolean }>();
  const [backupsVersion, setBackupsVersion] = useState(0);
  const fileRef = useRef<HTMLInputElement>(null);
  const unlockId = useId();
  const importId = useId();
  // Newest first; read again whenever progress changes or an action here adds a backup (the
  // list lives in browser storage, outside React, so the version counter is the dependency).
  const backups = useMemo(
    () => (progress && backupsVersion >= 0 ? readBackups().reverse() : []),
    [progress, backupsVersion],
  );

  // Until the stored progress is read, the page is laid out as it will be, its controls disabled
  // and showing nothing as chosen: filling it in then moves nothing (it used to replace one line
  // with the whole page and push the footer away, the page's layout shift).
  const isLoading = !progress;
  const draftCount = progress ? Object.keys(progress.drafts).length : 0;
  const theme = progress?.theme ?? 'system';

  const onExport = () => {
    if (!progress) return;
    const fileName = `layerlab-progress-${new Date().toISOString().slice(0, 10)}.json`;
    downloadText(exportProgress(progress), fileName);
    setMessage({ text: `Progress exported to ${fileName}.`, isError: false });
  };

  const onImportFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      setMessage({ text: 'The file could not be read.', isError: true });
      return;
    }
    const result = importProgress(text);
    if (!result.ok) {
      setMessage({ text: `Not imported: ${result.reason}`, isError: true });
      return;
    }
    setPending({
      kind: 'import',
      progress: result.progress,
      notice: result.notice,
      fileName: file.name,
    });
  };

  const confirm = () => {
    if (!pending) return;
    const withBackup = (text: string, sentence: string | undefined) =>
      sentence ? `${text} ${sentence}` : text;
    if (pending.kind === 'import') {
      const sentence = replaceProgress(pending.progress, undefined, 'Before an import');
      setMessage({
        text: withBackup(
          `Progress imported from ${pending.fileName}: ${count(pending.progress.completed.length, 'lesson')} completed, ${count(Object.keys(pending.progress.drafts).length, 'draft')}.${pending.notice ? ` ${pending.notice}` : ''}`,
          sentence,
        ),
        isError: false,
      });
    } else if (!progress) {
      return;
    } else if (pending.kind === 'reset') {
      const sentence = replaceProgress(
        { ...emptyProgress(), theme: progress.theme },
        undefined,
        'Before a reset',
      );
      setMessage({
        text: withBackup('Progress reset: every lesson is back to the start.', sentence),
        isError: false,
      });
    } else if (pending.kind === 'drafts') {
      const sentence = replaceProgress(
        { ...progress, drafts: {} },
        undefined,
        'Before deleting all drafts',
      );
      setMessage({ text: withBackup('All drafts deleted.', sentence), isError: false });
    } else {
      const restored = restoreProgressBackup(pending.backup.raw);
      setMessage({ text: restored.message, isError: !restored.ok });
    }
    setBackupsVersion((value) => value + 1);
    setPending(undefined);
  };

  return (
    <div className="narrow" aria-busy={isLoading || undefined}>
      <h1 style={{ marginTop: 0 }}>Settings</h1>
      <div role="status" aria-live="polite">
        {message && !message.isError ? (
          <p className="callout callout--success">{message.text}</p>
        ) : null}
      </div>
      <div role="alert">
        {message?.isError ? <p className="callout callout--danger">{message.text}</p> : null}
      </div>

      <section className="settings-section" aria-labelledby="appearance-title">
        <h2 id="appearance-title">Appearance</h2>
        <fieldset>
          <legend>Theme</legend>
          {THEMES.map((choice) => (
            <label key={choice.value} className="choice">
              <input
                type="radio"
                name="theme"
                value={choice.value}
                checked={!isLoading && theme === choice.value}
                disabled={isLoading}
                onChange={() => update((p) => setTheme(p, choice.value))}
              />
              {choice.label}
              {choice.help ? <span className="muted"> · {choice.help}</span> : null}
            </label>
          ))}
        </fieldset>
      </section>

      <section className="settings-section" aria-labelledby="lessons-settings-title">
        <h2 id="lessons-settings-title">Lessons</h2>
        <div className="choice">
          <input
            id={unlockId}
            type="checkbox"
            checked={progress?.unlockAll ?? false}
            disabled={isLoading}
            onChange={(event) => update((p) => setUnlockAll(p, event.target.checked))}
            aria-describedby={`${unlockId}-help`}
          />
          <label htmlFor={unlockId}>Unlock all lessons</label>
        </div>
        <p id={`${unlockId}-help`} className="field__help">
          Open any lesson without completing the ones before it: for trainers walking a room through
          one technique, or if you already know the basics. Completed lessons stay completed.
        </p>
      </section>

      <section className="settings-section" aria-labelledby="data-title">
        <h2 id="data-title">Your progress</h2>
        <p>
          {progress ? (
            <>
              {progress.completed.length} of {lessonCount} lessons completed ·{' '}
              {count(draftCount, 'saved draft')}. Progress is kept in this browser only.
            </>
          ) : (
            <span className="muted">Loading your progress…</span>
          )}
        </p>
        <div className="button-row" style={{ marginBottom: 'var(--space-4)' }}>
          <button type="button" className="button" onClick={onExport} disabled={isLoading}>
            Export progress
          </button>
          <button
            type="button"
            className="button"
            onClick={() => fileRef.current?.click()}
            disabled={isLoading}
          >
            Import progress…
          </button>
          <input
            ref={fileRef}
            id={importId}
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            tabIndex={-1}
            aria-label="Progress file to import"
            onChange={onImportFile}
          />
        </div>
        <p className="field__help">
          Export saves a .json file you can import in another browser. Importing replaces the
          progress in this browser (you are asked first).
        </p>
        <div className="button-row" style={{ marginTop: 'var(--space-4)' }}>
          <button
            type="button"
            className="button button--danger"
            onClick={() => setPending({ kind: 'drafts' })}
            disabled={draftCount === 0}
          >
            Delete all drafts
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => setPending({ kind: 'reset' })}
            disabled={isLoading}
          >
            Reset progress
          </button>
        </div>
      </section>

      <section className="settings-section" aria-labelledby="backups-title">
        <h2 id="backups-title">Backups</h2>
        <p className="field__help">
          Before anything could lose part of your stored progress (data from a newer version,
          damaged entries, an import, a reset), a dated copy of it is kept here, at most 5; the
          oldest goes first. Restoring one keeps a copy of what is stored now.
        </p>
        {isLoading ? (
          <p className="muted">Loading your backups…</p>
        ) : backups.length === 0 ? (
          <p className="muted">No backups in this browser.</p>
        ) : (
          <ul className="backup-list" aria-label="Backups">
            {backups.map((backup) => {
              const label = backupLabel(backup);
              return (
                <li key={`${backup.savedAt ?? 'legacy'}:${backup.raw.length}`}>
                  <span>
                    <strong>{label}</strong> · {backup.reason} · {textSize(backup.raw)}
                  </span>
                  <span className="button-row">
                    <button
                      type="button"
                      className="button"
                      aria-label={`Restore the backup of ${label}`}
                      onClick={() => setPending({ kind: 'restore', backup, label })}
                    >
                      Restore
                    </button>
                    <button
                      type="button"
                      className="button"
                      aria-label={`Download the backup of ${label}`}
                      onClick={() =>
                        downloadText(
                          backup.raw,
                          `layerlab-backup-${(backup.savedAt ?? 'earlier').slice(0, 19).replace(/:/g, '-')}.json`,
                        )
                      }
                    >
                      Download
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <ConfirmDialog
        isOpen={pending !== undefined}
        title={
          pending?.kind === 'import'
            ? 'Import this progress?'
            : pending?.kind === 'reset'
              ? 'Reset all progress?'
              : pending?.kind === 'restore'
                ? 'Restore this backup?'
                : 'Delete all drafts?'
        }
        confirmLabel={
          pending?.kind === 'import'
            ? 'Replace my progress'
            : pending?.kind === 'reset'
              ? 'Reset progress'
              : pending?.kind === 'restore'
                ? 'Restore backup'
                : 'Delete drafts'
        }
        isDanger
        onConfirm={confirm}
        onCancel={() => setPending(undefined)}
      >
        {pending?.kind === 'import' ? (
          <p>
            “{pending.fileName}” holds{' '}
            {count(pending.progress.completed.length, 'completed lesson')} and{' '}
            {count(Object.keys(pending.progress.drafts).length, 'draft')}. It replaces your current
            progress ({progress?.completed.length ?? 0} completed, {count(draftCount, 'draft')}).
            {pending.notice ? ` ${pending.notice}` : ''}
          </p>
        ) : pending?.kind === 'restore' ? (
          <p>
            The backup of {pending.label} ({pending.backup.reason.toLowerCase()}) replaces your
            current progress. A copy of your current progress is kept as a backup first.
          </p>
        ) : pending?.kind === 'reset' ? (
          <p>
            This marks every lesson as not done, locks them again and deletes your drafts. A copy is
            kept under Backups.
          </p>
        ) : (
          <p>
            This deletes the saved Dockerfiles of every lesson and the playground. Completed lessons
            stay completed.
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}
