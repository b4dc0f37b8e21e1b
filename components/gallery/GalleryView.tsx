'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { galleryAccess, ownEntriesOf, recordLooked, type OwnEntry } from '@/lib/gallery';
import { formatBytes } from '@/lib/format';
import { ConfirmDialog } from '../ConfirmDialog';
import { useProgress } from '../useProgress';
import { WorkbenchSkeleton } from '../WorkbenchLoader';
import { readRoomCode, SERVER_UNAVAILABLE, withdrawSolution } from './gallery-client';
import { useOwnEntries } from './useOwnEntries';

/** One group as GET /api/gallery/SLUG returns it (server/gallery/service.ts). */
interface GroupView {
  rank: number;
  bytes: number;
  score: number;
  count: number;
  solutionId: string;
  nickname?: string;
  publishedAt: string;
  isOlderVersion: boolean;
  entryIds: string[];
  shippedLayers: number;
  findings: { rule: string; line: number }[];
}

interface Gallery {
  startBytes: number;
  groups: GroupView[];
}

type Loaded =
  { status: 'loading' } | { status: 'ok'; gallery: Gallery } | { status: 'failed'; reason: string };

function isGallery(value: unknown): value is Gallery {
  const gallery = value as Partial<Gallery> | null;
  return (
    typeof gallery === 'object' &&
    gallery !== null &&
    Array.isArray(gallery.groups) &&
    typeof gallery.startBytes === 'number'
  );
}

/** The `?room=` of the address, when it is a possible room code. */
function roomFromAddress(): string | undefined {
  const room = new URLSearchParams(window.location.search).get('room');
  return room && /^[A-Z0-9]{4,12}$/.test(room) ? room : undefined;
}

/**
 * `/lessons/SLUG/solutions`: hidden until this browser completed the lesson (or chose to look
 * early, which is recorded on progress); then every group of identical solutions in rank order,
 * with its analysis and short link, and Withdraw on the learner's own entries.
 */
export function GalleryView({ slug, title }: { slug: string; title: string }) {
  const { progress, update } = useProgress();
  const ownEntries = useOwnEntries();
  const [isConfirming, setConfirming] = useState(false);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [myRoom, setMyRoom] = useState<string>();
  const [room, setRoom] = useState<string>();
  const [reload, setReload] = useState(0);
  const [notice, setNotice] = useState('');
  const access = progress ? galleryAccess(progress, slug) : undefined;
  const isOpen = access?.isOpen === true;

  useEffect(() => {
    const code = readRoomCode();
    setMyRoom(code);
    const asked = roomFromAddress();
    setRoom(asked !== undefined && asked === code ? asked : undefined);
  }, []);

  useEffect(() => {
    if (!isOpen) return;
    let isCurrent = true;
    const query = room ? `?room=${encodeURIComponent(room)}` : '';
    fetch(`/api/gallery/${encodeURIComponent(slug)}${query}`, { cache: 'no-store' })
      .then(async (response) => {
        const body: unknown = await response.json();
        if (!isCurrent) return;
        if (response.ok && isGallery(body)) setLoaded({ status: 'ok', gallery: body });
        else {
          const error = (body as { error?: unknown } | null)?.error;
          setLoaded({
            status: 'failed',
            reason: typeof error === 'string' ? error : 'The gallery could not be read.',
          });
        }
      })
      .catch(() => {
        if (isCurrent) {
          setLoaded({
            status: 'failed',
            reason: 'The server is not available, so the gallery cannot be shown right now.',
          });
        }
      });
    return () => {
      isCurrent = false;
    };
  }, [isOpen, slug, room, reload]);

  const changeRoom = (next: string | undefined) => {
    setRoom(next);
    const url = new URL(window.location.href);
    if (next) url.searchParams.set('room', next);
    else url.searchParams.delete('room');
    window.history.replaceState(null, '', url);
  };

  const withdraw = async (entry: OwnEntry) => {
    const result = await withdrawSolution(entry);
    setNotice(
      result.ok
        ? 'Your entry was withdrawn.'
        : result.reason === SERVER_UNAVAILABLE
          ? 'The server is not available; try again in a moment.'
          : result.reason,
    );
    setReload((n) => n + 1);
  };

  const header = (
    <header className="lesson-header">
      <p className="lesson-header__eyebrow">
        <Link href={`/lessons/${slug}`}>{title}</Link> · Solutions
      </p>
      <h1 style={{ marginTop: 0 }}>Solutions to “{title}”</h1>
    </header>
  );

  if (!progress) return <WorkbenchSkeleton label="Reading your progress…" />;

  if (!isOpen) {
    return (
      <div className="narrow">
        {header}
        <div className="callout callout--info" data-testid="gallery-locked">
          <h2 style={{ marginTop: 0 }}>Solve it first</h2>
          <p>
            Other learners’ solutions stay hidden until you have completed this lesson yourself:
            working it out is where the learning happens. Once you have, come back to see how others
            did it, ranked by image size.
          </p>
          <div className="button-row">
            <Link className="button button--primary" href={`/lessons/${slug}`}>
              Go to the lesson
            </Link>
            <button type="button" className="button" onClick={() => setConfirming(true)}>
              Look anyway
            </button>
          </div>
        </div>
        <ConfirmDialog
          isOpen={isConfirming}
          title="Look at the solutions before solving?"
          confirmLabel="Show the solutions"
          cancelLabel="Keep them hidden"
          onConfirm={() => {
            setConfirming(false);
            update((p) => recordLooked(p, slug));
          }}
          onCancel={() => setConfirming(false)}
        >
          <p>
            This spoils the lesson. Your progress will record that you looked before solving it.
          </p>
        </ConfirmDialog>
      </div>
    );
  }

  const mine = ownEntriesOf(ownEntries, slug);
  return (
    <div>
      {header}
      {access?.state === 'looked' ? (
        <div className="callout callout--warning" role="note">
          <p>You looked at these before solving the lesson; your progress records that.</p>
        </div>
      ) : null}
      <p className="lesson-header__summary">
        Ranked by estimated image size, then by score; identical solutions (the same parsed
        instructions) are counted once. Every figure is worked out on the server against the lesson
        as it is now. Publish yours from the lesson’s <strong>Share</strong> button.
      </p>
      {myRoom ? (
        <div role="group" aria-label="Which solutions" className="button-row">
          <button
            type="button"
            className="button"
            aria-pressed={room === undefined}
            onClick={() => changeRoom(undefined)}
          >
            Everyone
          </button>
          <button
            type="button"
            className="button"
            aria-pressed={room === myRoom}
            onClick={() => changeRoom(myRoom)}
          >
            My room ({myRoom})
          </button>
        </div>
      ) : null}
      <p role="status" className="muted">
        {notice}
      </p>
      {loaded.status === 'loading' ? (
        <WorkbenchSkeleton label="Loading the solutions…" />
      ) : loaded.status === 'failed' ? (
        <div className="callout callout--danger" role="alert">
          <p>{loaded.reason}</p>
        </div>
      ) : loaded.gallery.groups.length === 0 ? (
        <p data-testid="gallery-empty">
          {room ? 'Nobody in your room has published a solution yet.' : 'No solutions yet.'} Be the
          first: complete the lesson and press <strong>Share</strong>, then{' '}
          <strong>Publish to gallery</strong>.
        </p>
      ) : (
        <ol className="gallery-list">
          {loaded.gallery.groups.map((group) => {
            const own = mine.filter((entry) => group.entryIds.includes(entry.entryId));
            const saved = loaded.gallery.startBytes - group.bytes;
            return (
              <li
                key={group.solutionId}
                className="gallery-entry"
                data-testid="gallery-entry"
                data-bytes={Math.round(group.bytes)}
                data-count={group.count}
              >
                <p className="gallery-entry__head">
                  <span className="gallery-entry__rank">#{group.rank}</span>{' '}
                  <strong>{formatBytes(group.bytes)}</strong> · score {group.score}
                  {saved > 0 ? ` · ${formatBytes(saved)} smaller than the start` : ''}
                </p>
                <p>
                  {group.nickname ?? 'Anonymous'}
                  {group.count > 1 ? ` and ${group.count - 1} more with the same solution` : ''}
                  {own.length > 0 ? ' (yours)' : ''}
                </p>
                <p>
                  {group.shippedLayers} shipped {group.shippedLayers === 1 ? 'layer' : 'layers'} ·{' '}
                  {group.findings.length === 0
                    ? 'no findings'
                    : `findings: ${group.findings.map((f) => `${f.rule} (line ${f.line})`).join(', ')}`}
                </p>
                {group.isOlderVersion ? (
                  <p className="muted">
                    Published for an earlier version of the lesson; measured against it as it is
                    now.
                  </p>
                ) : null}
                <div className="button-row">
                  <Link href={`/s/${group.solutionId}`} className="gallery-entry__link">
                    /s/{group.solutionId}
                  </Link>
                  {own.map((entry) => (
                    <button
                      key={entry.entryId}
                      type="button"
                      className="button"
                      onClick={() => void withdraw(entry)}
                    >
                      Withdraw my entry
                    </button>
                  ))}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
