'use client';

import { useId, useState } from 'react';
import type { DraftConflict } from '@/lib/progress';

/**
 * Two versions of the draft open here: another tab changed it, or the learner typed into the
 * page's first editor before their saved draft had been read. Keep mine, take theirs, or see
 * both side by side. Both texts are user-written and shown as plain text.
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
  const isBeforeLoad = conflict.origin === 'before-load';
  const words = isBeforeLoad
    ? {
        title: 'You have a saved draft of this lesson',
        text: 'You started typing before the page had read it. Choose which one to keep; until you do, the saved draft stays saved and what you typed stays in this editor.',
        mine: 'Keep what I typed',
        theirs: 'Open my saved draft',
        mineLabel: 'What you typed',
        theirsLabel: 'Your saved draft',
      }
    : {
        title: 'This draft was changed in another tab',
        text: 'Another tab saved a different version of this draft. Choose which one to keep; until you do, the other tab’s version stays saved and yours stays in this editor.',
        mine: 'Keep mine',
        theirs: 'Take theirs',
        mineLabel: 'Mine (this tab)',
        theirsLabel: 'Theirs (other tab)',
      };
  return (
    <section className="callout callout--warning draft-conflict" aria-labelledby={titleId}>
      <h2 id={titleId} className="draft-conflict__title">
        {words.title}
      </h2>
      <p>{words.text}</p>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={onKeepMine}>
          {words.mine}
        </button>
        <button type="button" className="button" onClick={onTakeTheirs}>
          {words.theirs}
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
            label={words.mineLabel}
            dockerfile={conflict.mine.dockerfile}
            dockerignore={conflict.mine.dockerignore}
          />
          <DraftText
            label={words.theirsLabel}
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
