'use client';

import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { canPublish, ownEntriesOf, shareMarkdown, solutionId } from '@/lib/gallery';
import { tryEncodeShare } from '@/lib/share';
import { stampFragment } from '@/lib/share';
import { useProgress } from '../useProgress';
import type { WorkbenchFiles } from '../workbench/types';
import styles from '../workbench/workbench.module.css';
import {
  createShortLink,
  knownShortLink,
  publishSolution,
  readRoomCode,
  withdrawSolution,
} from './gallery-client';
import { useOwnEntries } from './useOwnEntries';

export interface SharePanelProps {
  instanceId: string;
  /** The texts as they were when Share was pressed. */
  files: WorkbenchFiles;
  lessonSlug?: string;
  lessonTitle?: string;
  /** The lesson's content version (lib/gallery/lesson-version.ts), carried by both links. */
  lessonVersion?: string;
  /** Estimates from the workbench's analysis, for the Markdown line. */
  beforeBytes?: number;
  afterBytes?: number;
  score?: number;
}

type ShortState =
  { status: 'making' } | { status: 'ok'; url: string } | { status: 'failed'; reason: string };

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * What Share offers: the short link `/s/ID` (made through this site's API; when the server is
 * unavailable it says so and the fragment link still works), the server-free fragment link, copy
 * buttons for both and for a Markdown line, and, once the lesson is completed, publishing to the
 * lesson's gallery and withdrawing what this browser published.
 */
export function SharePanel(props: SharePanelProps) {
  const { instanceId, files, lessonSlug, lessonTitle, lessonVersion } = props;
  const { progress } = useProgress();
  const ownEntries = useOwnEntries();
  // A link this page made for the same texts is shown at once (Share pressed again).
  const [short, setShort] = useState<ShortState>(() => {
    const known = knownShortLink({
      ...(lessonSlug ? { lesson: lessonSlug } : {}),
      ...(lessonSlug && lessonVersion ? { lessonVersion } : {}),
      dockerfile: files.dockerfile,
      dockerignore: files.dockerignore,
    });
    return known && typeof window !== 'undefined'
      ? { status: 'ok', url: `${window.location.origin}${known.path}` }
      : { status: 'making' };
  });
  const [message, setMessage] = useState('');
  const [nickname, setNickname] = useState('');
  const [publishState, setPublishState] = useState<
    { status: 'idle' | 'publishing' } | { status: 'failed'; reason: string }
  >({ status: 'idle' });
  const [withdrawReason, setWithdrawReason] = useState('');

  const encoded = useMemo(
    () =>
      tryEncodeShare({
        lesson: lessonSlug,
        dockerfile: files.dockerfile,
        dockerignore: files.dockerignore,
      }),
    [lessonSlug, files],
  );
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const fragmentUrl = encoded.ok
    ? `${origin}/share#${stampFragment(encoded.fragment, lessonSlug ? lessonVersion : undefined)}`
    : undefined;
  const content = {
    ...(lessonSlug ? { lesson: lessonSlug } : {}),
    ...(lessonSlug && lessonVersion ? { lessonVersion } : {}),
    dockerfile: files.dockerfile,
    dockerignore: files.dockerignore,
  };
  const thisSolutionId = useMemo(
    () => (encoded.ok ? solutionId(content) : undefined),
    // content is derived from these props.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
    [encoded.ok, lessonSlug, lessonVersion, files],
  );

  useEffect(() => {
    if (!encoded.ok) return;
    let isCurrent = true;
    void createShortLink(content).then((result) => {
      if (!isCurrent) return;
      setShort(
        result.ok
          ? { status: 'ok', url: `${window.location.origin}${result.value.path}` }
          : { status: 'failed', reason: result.reason },
      );
    });
    return () => {
      isCurrent = false;
    };
    // The panel is keyed by the Share press: the texts never change while it is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- run once per panel
  }, []);

  if (!encoded.ok) {
    return (
      <div className={styles.shareBox}>
        <p role="status" className={styles.problem}>
          {encoded.reason}
        </p>
      </div>
    );
  }

  const bestUrl = short.status === 'ok' ? short.url : (fragmentUrl ?? '');
  const markdown =
    props.afterBytes !== undefined
      ? shareMarkdown({
          title: lessonTitle,
          beforeBytes: props.beforeBytes,
          afterBytes: props.afterBytes,
          score: props.score,
          url: bestUrl,
        })
      : undefined;

  const copyAndSay = async (text: string, what: string) => {
    setMessage(
      (await copy(text))
        ? `${what} copied.`
        : `Copy the ${what.toLowerCase()} from the box (the clipboard is not available here).`,
    );
  };

  const isCompleted =
    lessonSlug !== undefined && progress !== undefined && canPublish(progress, lessonSlug);
  const published = lessonSlug
    ? ownEntriesOf(ownEntries, lessonSlug).filter((entry) => entry.solutionId === thisSolutionId)
    : [];

  const publish = async () => {
    if (!lessonSlug || !lessonVersion) return;
    setPublishState({ status: 'publishing' });
    const result = await publishSolution(
      { ...content, lesson: lessonSlug, lessonVersion },
      nickname,
      readRoomCode(),
    );
    setPublishState(result.ok ? { status: 'idle' } : { status: 'failed', reason: result.reason });
    if (result.ok) setMessage('Published to the gallery.');
  };

  const id = (name: string) => `wb-${instanceId}-${name}`;
  return (
    <section className={styles.shareBox} aria-labelledby={id('share-h')}>
      <h2 id={id('share-h')} className="visually-hidden">
        Share
      </h2>
      <label htmlFor={id('short-link')} className={styles.label}>
        Short link
      </label>
      <div className="share-row">
        <input
          id={id('short-link')}
          className={styles.shareInput}
          readOnly
          value={short.status === 'ok' ? short.url : ''}
          placeholder={short.status === 'making' ? 'Making a short link…' : 'No short link'}
          aria-describedby={short.status === 'ok' ? undefined : id('short-status')}
          data-testid="short-link"
          data-state={short.status}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          className={styles.smallButton}
          disabled={short.status !== 'ok'}
          onClick={() => short.status === 'ok' && void copyAndSay(short.url, 'Short link')}
        >
          Copy short link
        </button>
      </div>
      {short.status === 'failed' ? (
        <p id={id('short-status')} role="alert" className={styles.problem}>
          {short.reason}
        </p>
      ) : short.status === 'making' ? (
        <p id={id('short-status')} className={styles.muted}>
          Making a short link…
        </p>
      ) : null}
      <label htmlFor={id('share-url')} className={styles.label}>
        Share link (works without the server)
      </label>
      <div className="share-row">
        <input
          id={id('share-url')}
          className={styles.shareInput}
          readOnly
          value={fragmentUrl}
          data-testid="fragment-link"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          className={styles.smallButton}
          onClick={() => fragmentUrl && void copyAndSay(fragmentUrl, 'Share link')}
        >
          Copy share link
        </button>
      </div>
      {markdown ? (
        <div className="share-row">
          <code className="share-markdown" data-testid="share-markdown">
            {markdown}
          </code>
          <button
            type="button"
            className={styles.smallButton}
            onClick={() => void copyAndSay(markdown, 'Markdown')}
          >
            Copy as Markdown
          </button>
        </div>
      ) : null}
      <p role="status" className={styles.good}>
        {message}
      </p>

      {lessonSlug && lessonVersion ? (
        isCompleted ? (
          <div className="share-publish">
            {published.length === 0 ? (
              <>
                <label htmlFor={id('nickname')} className={styles.label}>
                  Nickname in the gallery (leave empty to stay anonymous)
                </label>
                <div className="share-row">
                  <input
                    id={id('nickname')}
                    type="text"
                    className={styles.shareInput}
                    maxLength={40}
                    autoComplete="nickname"
                    value={nickname}
                    onChange={(e) => setNickname(e.target.value)}
                  />
                  <button
                    type="button"
                    className={styles.button}
                    disabled={publishState.status === 'publishing'}
                    onClick={() => void publish()}
                  >
                    Publish to gallery
                  </button>
                </div>
              </>
            ) : (
              published.map((entry) => (
                <div key={entry.entryId} className="share-row">
                  <span className={styles.good}>This solution is in the gallery.</span>
                  <Link href={`/lessons/${lessonSlug}/solutions`}>See the gallery</Link>
                  <button
                    type="button"
                    className={styles.smallButton}
                    onClick={() =>
                      void withdrawSolution(entry).then((result) => {
                        setWithdrawReason(result.ok ? '' : result.reason);
                        if (result.ok) setMessage('Withdrawn from the gallery.');
                      })
                    }
                  >
                    Withdraw
                  </button>
                </div>
              ))
            )}
            {publishState.status === 'failed' ? (
              <p role="alert" className={styles.problem}>
                {publishState.reason}
              </p>
            ) : null}
            {withdrawReason ? (
              <p role="alert" className={styles.problem}>
                {withdrawReason}
              </p>
            ) : null}
          </div>
        ) : (
          <p className={styles.muted}>
            Publishing to the gallery opens once you complete this lesson.
          </p>
        )
      ) : null}
    </section>
  );
}
