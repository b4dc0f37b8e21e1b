'use client';

import QRCode from 'qrcode';
import Link from 'next/link';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { ROOM_LIMITS } from '@/lib/rooms';
import { roomApi } from './room-client';
import styles from './rooms.module.css';

export interface LessonChoice {
  slug: string;
  title: string;
}

interface CreatedRoom {
  code: string;
  name: string;
  trainerSecret: string;
  joinPath: string;
  trainerPath: string;
}

/** `/rooms/new`: name, lessons open at the start, optional end; then the code, QR and links. */
export function CreateRoom({ lessons }: { lessons: LessonChoice[] }) {
  const [name, setName] = useState('');
  const [open, setOpen] = useState<string[]>(lessons.slice(0, 1).map((l) => l.slug));
  const [endsAt, setEndsAt] = useState('');
  const [error, setError] = useState<string>();
  const [isBusy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedRoom>();
  const nameId = useId();
  const endId = useId();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    if (!name.trim()) {
      setError('Give the room a name, so learners know they joined the right one.');
      return;
    }
    let endIso: string | undefined;
    if (endsAt) {
      const end = new Date(endsAt);
      if (Number.isNaN(end.getTime())) {
        setError('The end time is not a time.');
        return;
      }
      endIso = end.toISOString();
    }
    setBusy(true);
    const answer = await roomApi<CreatedRoom>('/api/rooms', {
      method: 'POST',
      body: { name: name.trim(), open, ...(endIso ? { endsAt: endIso } : {}) },
    });
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setCreated(answer.value);
  }

  if (created) return <CreatedView room={created} />;

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor={nameId}>Room name</label>
        <input
          id={nameId}
          type="text"
          value={name}
          maxLength={ROOM_LIMITS.roomNameChars}
          onChange={(e) => setName(e.target.value)}
          placeholder="Platform team, Tuesday"
          autoComplete="off"
        />
      </div>
      <fieldset className={styles.fieldset}>
        <legend>Lessons open at the start</legend>
        <p className="field__help">
          Learners in the room can open these; you open more from the board as the session goes.
        </p>
        <div className={styles.checkGrid}>
          {lessons.map((lesson, index) => (
            <label key={lesson.slug} className="choice">
              <input
                type="checkbox"
                checked={open.includes(lesson.slug)}
                onChange={(e) =>
                  setOpen((current) =>
                    e.target.checked
                      ? lessons
                          .map((l) => l.slug)
                          .filter((s) => s === lesson.slug || current.includes(s))
                      : current.filter((s) => s !== lesson.slug),
                  )
                }
              />{' '}
              {index + 1}. {lesson.title}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={endId}>End time (optional)</label>
        <input
          id={endId}
          type="datetime-local"
          className={styles.input}
          value={endsAt}
          onChange={(e) => setEndsAt(e.target.value)}
          aria-describedby={`${endId}-help`}
        />
        <p id={`${endId}-help`} className="field__help">
          The room and everything in it is deleted {ROOM_LIMITS.defaultLifetimeHours / 24} days
          after its end (or after it was created, without an end time).
        </p>
      </div>
      {error ? (
        <p className="callout callout--danger" role="alert">
          {error}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={isBusy}>
          {isBusy ? 'Creating…' : 'Create room'}
        </button>
      </div>
    </form>
  );
}

function CreatedView({ room }: { room: CreatedRoom }) {
  const [origin, setOrigin] = useState('');
  const [qr, setQr] = useState<string>();
  const [copied, setCopied] = useState('');
  useEffect(() => setOrigin(window.location.origin), []);
  const joinUrl = `${origin}${room.joinPath}`;
  const trainerUrl = `${origin}${room.trainerPath}`;
  useEffect(() => {
    if (!origin) return;
    let isCurrent = true;
    // Drawn here, in the browser, by the qrcode library: no image service involved.
    QRCode.toString(joinUrl, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
      .then((svg) => {
        if (isCurrent) setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      })
      .catch(() => setQr(undefined));
    return () => {
      isCurrent = false;
    };
  }, [origin, joinUrl]);

  async function copy(text: string, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${what} copied.`);
    } catch {
      setCopied(`Copying was blocked: select the ${what.toLowerCase()} and copy it.`);
    }
  }

  return (
    <section aria-labelledby="created-title" className={styles.created}>
      <h2 id="created-title">Room “{room.name}” is ready</h2>
      <div className={styles.createdGrid}>
        <div>
          <p className={styles.label}>Join code</p>
          <p
            className={styles.code}
            data-testid="room-code"
            aria-label={`Join code ${room.code.split('').join(' ')}`}
          >
            {room.code}
          </p>
          <p className={styles.label}>Join link</p>
          <p className={styles.link}>
            <a href={room.joinPath}>{joinUrl || room.joinPath}</a>
          </p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => copy(joinUrl, 'Join link')}>
              Copy join link
            </button>
          </div>
        </div>
        <div className={styles.qr}>
          {qr ? (
            <img src={qr} alt={`QR code for the join link ${joinUrl}`} width={220} height={220} />
          ) : (
            <p className="muted">Drawing the QR code…</p>
          )}
        </div>
      </div>
      <div className="callout callout--warning">
        <p>
          <strong>Your trainer link is the only key to this room.</strong> Anyone with it can run
          the board; it is not stored anywhere we can show you again. Keep it, and do not put it on
          the projector.
        </p>
        <p className={styles.link}>
          <a href={room.trainerPath} data-testid="trainer-link">
            {trainerUrl || room.trainerPath}
          </a>
        </p>
        <div className="button-row">
          <button type="button" className="button" onClick={() => copy(trainerUrl, 'Trainer link')}>
            Copy trainer link
          </button>
          <Link className="button button--primary" href={room.trainerPath}>
            Open the board
          </Link>
        </div>
      </div>
      <p role="status" aria-live="polite" className="field__help">
        {copied}
      </p>
    </section>
  );
}
