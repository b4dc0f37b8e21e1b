'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useState } from 'react';
import { dismissRoomNotice, leaveRoom, setHand, useRoom } from './useRoom';
import styles from './rooms.module.css';

const SpotlightView = dynamic(() => import('./SpotlightView'), {
  ssr: false,
  loading: () => <p className="muted">Loading the spotlight…</p>,
});

const STATE_LABEL = {
  connected: 'connected',
  reconnecting: 'reconnecting…',
  offline: 'offline: your progress is kept and sent when you are back',
} as const;

/**
 * The room's strip under the site header, on every page while the learner is in a room: name,
 * connection state, the trainer's messages, the raise-hand button and the spotlight. Nothing when
 * not in a room.
 */
export function RoomBanner() {
  const room = useRoom();
  const [error, setError] = useState<string>();
  if (!room.membership) {
    return room.notice ? (
      <div className={styles.banner} role="status">
        <div className={styles.bannerInner}>
          <span>{room.notice}</span>
          <button type="button" className="button" onClick={dismissRoomNotice}>
            Dismiss
          </button>
        </div>
      </div>
    ) : null;
  }
  const { view, connection, membership } = room;
  const isRaised = Boolean(view?.handRaisedAt);
  const messages = view?.broadcasts ?? [];
  return (
    <aside
      className={styles.banner}
      data-testid="room-banner"
      data-state={connection}
      aria-label="Room"
    >
      <div className={styles.bannerInner}>
        <span className={styles.bannerName}>
          Room: {view?.name ?? membership.roomName}
          {view?.isClosed ? ' (closed)' : ''}
        </span>
        <span>You are {membership.nickname}</span>
        <span role="status" aria-live="polite">
          <span className={styles.dot} aria-hidden="true" />
          {STATE_LABEL[connection]}
          {room.pendingReports > 0 && connection !== 'connected'
            ? ` · ${room.pendingReports} ${room.pendingReports === 1 ? 'update' : 'updates'} waiting`
            : ''}
        </span>
        {!view?.isClosed ? (
          <button
            type="button"
            className={isRaised ? 'button button--primary' : 'button'}
            aria-pressed={isRaised}
            onClick={() => void setHand(!isRaised).then((problem) => setError(problem))}
          >
            {isRaised ? 'Lower hand' : 'Raise hand'}
          </button>
        ) : null}
        <button type="button" className="button" onClick={() => void leaveRoom()}>
          Leave room
        </button>
        <Link href={`/join/${membership.code}`}>Room details</Link>
        {error ? (
          <span className="callout callout--danger" role="alert">
            {error}
          </span>
        ) : null}
        {messages.length > 0 ? (
          <ol className={styles.messages} aria-label="Messages from the trainer" aria-live="polite">
            {messages.map((m, i) => (
              <li key={`${m.at}-${i}`} className={styles.message} data-testid="room-message">
                {m.kind === 'hint' ? 'Hint: ' : ''}
                {m.text}
              </li>
            ))}
          </ol>
        ) : null}
        {view?.spotlight ? <SpotlightView spotlight={view.spotlight} /> : null}
      </div>
    </aside>
  );
}
