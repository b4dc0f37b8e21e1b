'use client';

import { useId, useState } from 'react';
import type { DraftConflict } from '@/lib/progress';

/**
 * Another tab changed the draft open here: keep mine, take theirs, or see both side by side.
 * Both texts are user-written and shown as plain text.
 */
export function DraftConflictNotice({
  conflict,
  onKeepMine,
  onTakeTheirs,
}: {
  conflict: DraftConflict;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const [isComparing, setComparing] = useState(false);
  const titleId = useId();
  return (
    <section className="callout callout--warning draft-conflict" aria-labelledby={titleId}>
      <h2 id={titleId} className="draft-conflict__title">
        This draft was changed in another tab
      </h2>
      <p>
        Another tab saved a different version of this draft. Choose which one to keep; until you do,
        the other tab’s version stays saved and yours stays in this editor.
      </p>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={onKeepMine}>
          Keep mine
        </button>
        <button type="button" className="button" onClick={onTakeTheirs}>
          Take theirs
        </button>
        <button
          type="button"
          className="button"
          aria-expanded={isComparing}
          onClick={() => setComparing((value) => !value)}
        >
          {isComparing ? 'Hide both' : 'See both'}
        </button>
      </div>
      {isComparing ? (
        <div className="draft-conflict__both">
          <DraftText
            label="Mine (this tab)"
            dockerfile={conflict.mine.dockerfile}
            dockerignore={conflict.mine.dockerignore}
          />
          <DraftText
            label="Theirs (other tab)"
            dockerfile={conflict.theirs.dockerfile}
            dockerignore={conflict.theirs.dockerignore}
          />
        </div>
      ) : null}
    </section>
  );
}

function DraftText({
  label,
  dockerfile,
  dockerignore,
}: {
  label: string;
  dockerfile: string;
  dockerignore: string;
}) {
  const id = useId();
  return (
    <figure className="draft-conflict__side">
      <figcaption id={id}>{label}</figcaption>
      <pre aria-labelledby={id} tabIndex={0}>
        {dockerfile}
      </pre>
      {dockerignore ? (
        <pre aria-label={`${label}: .dockerignore`} tabIndex={0}>
          {dockerignore}
        </pre>
      ) : null}
    </figure>
  );
}
