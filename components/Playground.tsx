'use client';

import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { formatBytes } from '@/lib/format';
import { PLAYGROUND_DRAFT, draftProblem, saveDraft } from '@/lib/progress';
import { ConfirmDialog } from './ConfirmDialog';
import {
  MAX_LOCAL_FILES,
  localProjectFromFiles,
  totalBytes,
  type LocalProject,
  type PickedFile,
} from './local-folder';
import type { SampleProject } from './sample-projects';
import { DraftConflictNotice } from './DraftConflictNotice';
import { setDraftNotice, settleDraftConflict, useOpenDraft, useProgress } from './useProgress';
import { WorkbenchLoader, WorkbenchSkeleton, type WorkbenchFiles } from './WorkbenchLoader';

const LOCAL = 'local';

/** Any Dockerfile against a sample project or a folder picked from disk (sized, never uploaded). */
export function Playground({ samples }: { samples: SampleProject[] }) {
  const { progress, update, conflicts } = useProgress();
  const isReady = progress !== undefined;
  const progressRef = useRef(progress);
  progressRef.current = progress;
  const [projectId, setProjectId] = useState(samples[0]?.id ?? LOCAL);
  const [local, setLocal] = useState<LocalProject>();
  const [localStatus, setLocalStatus] = useState('');
  const [isReading, setReading] = useState(false);
  const [mountKey, setMountKey] = useState(0);
  const [initialFiles, setInitialFiles] = useState<WorkbenchFiles>();
  const [offer, setOffer] = useState<WorkbenchFiles>();
  const currentRef = useRef<WorkbenchFiles | undefined>(undefined);
  const selectId = useId();
  const folderId = useId();

  const sample = samples.find((item) => item.id === projectId);
  const project =
    projectId === LOCAL && local
      ? { name: local.name, files: local.files }
      : sample
        ? { name: sample.name, files: sample.files }
        : undefined;
  const defaultFiles: WorkbenchFiles = sample
    ? { dockerfile: sample.startDockerfile, dockerignore: sample.startDockerignore }
    : { dockerfile: samples[0]?.startDockerfile ?? 'FROM alpine:3.20\n', dockerignore: '' };
  const startFiles: WorkbenchFiles =
    projectId === LOCAL && local?.dockerfile !== undefined
      ? { dockerfile: local.dockerfile, dockerignore: local.dockerignore ?? '' }
      : defaultFiles;

  useEffect(() => {
    if (!isReady || initialFiles) return;
    const draft = progress?.drafts[PLAYGROUND_DRAFT];
    const files = draft
      ? { dockerfile: draft.dockerfile, dockerignore: draft.dockerignore }
      : defaultFiles;
    currentRef.current = files;
    setInitialFiles(files);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read the draft once, when progress is first available
  }, [isReady]);

  /** Remounts the workbench on a new project, keeping the texts being edited. */
  const remount = (files: WorkbenchFiles | undefined = currentRef.current) => {
    if (files) {
      currentRef.current = files;
      setInitialFiles(files);
    }
    setMountKey((key) => key + 1);
  };

  const onFilesChange = useCallback(
    (files: WorkbenchFiles) => {
      currentRef.current = files;
      const problem = draftProblem(files, progressRef.current, PLAYGROUND_DRAFT);
      setDraftNotice(problem);
      if (problem) return;
      update((p) => saveDraft(p, PLAYGROUND_DRAFT, files));
    },
    [update],
  );

  const onSelect = (event: ChangeEvent<HTMLSelectElement>) => {
    setProjectId(event.target.value);
    remount();
  };

  const onFolder = async (event: ChangeEvent<HTMLInputElement>) => {
    const list = event.target.files;
    if (!list || list.length === 0) return;
    setReading(true);
    setLocalStatus(`Reading ${list.length.toLocaleString('en')} file names…`);
    const picked: PickedFile[] = Array.from(list, (file) => ({
      relativePath: file.webkitRelativePath,
      name: file.name,
      size: file.size,
      text: () => file.text(),
    }));
    const result = await localProjectFromFiles(picked);
    setLocal(result);
    setProjectId(LOCAL);
    setReading(false);
    const sizes = `${result.files.length.toLocaleString('en')} files, ${formatBytes(totalBytes(result.files))}`;
    setLocalStatus(
      result.isTruncated
        ? `Loaded “${result.name}”: ${sizes}. The folder has ${result.totalFiles.toLocaleString('en')} files; only the first ${MAX_LOCAL_FILES.toLocaleString('en')} are counted, so sizes are too low. Pick a smaller folder (for example without node_modules) for a full picture.`
        : `Loaded “${result.name}”: ${sizes}. Only names, sizes and the manifests’ text were read; nothing was uploaded.`,
    );
    const own =
      result.dockerfile !== undefined
        ? { dockerfile: result.dockerfile, dockerignore: result.dockerignore ?? '' }
        : undefined;
    const current = currentRef.current;
    remount();
    // The folder's own Dockerfile replaces the editor's text only if the learner says so.
    const isDifferent =
      own !== undefined &&
      (!current ||
        own.dockerfile !== current.dockerfile ||
        own.dockerignore !== current.dockerignore);
    if (isDifferent) setOffer(own);
    event.target.value = '';
  };

  useOpenDraft(initialFiles ? PLAYGROUND_DRAFT : undefined, initialFiles);
  const conflict = conflicts.find((item) => item.slug === PLAYGROUND_DRAFT);
  const takeTheirs = () => {
    const draft = settleDraftConflict(PLAYGROUND_DRAFT, 'theirs');
    if (draft) remount({ dockerfile: draft.dockerfile, dockerignore: draft.dockerignore });
  };

  return (
    <div>
      <h1 style={{ marginTop: 0 }}>Playground</h1>
      <p className="muted" style={{ marginTop: 0, maxWidth: '48rem' }}>
        Write any Dockerfile and .dockerignore and see its estimated size, layers and findings.
        Build it against one of the course’s sample projects, or pick a folder on your computer:
        only file names and sizes (and the text of package manifests) are read, in your browser.
        Nothing is uploaded.
      </p>

      {conflict && initialFiles ? (
        <DraftConflictNotice
          conflict={conflict}
          onKeepMine={() => settleDraftConflict(PLAYGROUND_DRAFT, 'mine')}
          onTakeTheirs={takeTheirs}
        />
      ) : null}

      <div className="playground-controls">
        <div className="field">
          <label htmlFor={selectId}>Build context</label>
          <select id={selectId} value={projectId} onChange={onSelect}>
            {samples.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name} (from “{item.lessonTitle}”)
              </option>
            ))}
            {local ? <option value={LOCAL}>Your folder: {local.name}</option> : null}
          </select>
        </div>
        <div className="field">
          <label htmlFor={folderId}>Or use a folder from your computer</label>
          <input
            id={folderId}
            type="file"
            // webkitdirectory is not in React's typings; every current browser supports it.
            {...{ webkitdirectory: '', directory: '' }}
            multiple
            onChange={onFolder}
            disabled={isReading}
          />
        </div>
        {sample && projectId !== LOCAL ? <p className="field__help">{sample.description}</p> : null}
      </div>
      <p
        role="status"
        aria-live="polite"
        className={localStatus ? 'callout callout--info' : 'visually-hidden'}
      >
        {localStatus}
      </p>

      {!initialFiles || !project ? (
        <WorkbenchSkeleton />
      ) : (
        <WorkbenchLoader
          key={`${projectId}:${mountKey}`}
          mode="playground"
          initialFiles={initialFiles}
          startFiles={startFiles}
          project={project}
          onFilesChange={onFilesChange}
        />
      )}

      <ConfirmDialog
        isOpen={offer !== undefined}
        title="Load this folder’s Dockerfile?"
        confirmLabel="Load it"
        cancelLabel="Keep my text"
        onConfirm={() => {
          const files = offer;
          setOffer(undefined);
          if (files) {
            update((p) => saveDraft(p, PLAYGROUND_DRAFT, files));
            remount(files);
          }
        }}
        onCancel={() => setOffer(undefined)}
      >
        <p>
          The folder has its own Dockerfile{offer?.dockerignore ? ' and .dockerignore' : ''}.
          Loading it replaces the text in the playground editor.
        </p>
      </ConfirmDialog>
    </div>
  );
}
