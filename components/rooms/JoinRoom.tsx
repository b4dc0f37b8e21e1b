'use client';

import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import { normalizeCode } from '@/lib/rooms';
import { ROOM_LIMITS } from '@/lib/rooms';
import { nicknameSchema, parseRequest } from '@/lib/rooms';
import type { Pacing } from '@/lib/rooms';
import { roomApi } from './room-client';
import { enterRoom, leaveRoom, useRoom } from './useRoom';

interface PublicRoom {
  code: string;
  name: string;
  lessons: string[];
  pacing: Pacing;
  closed: boolean;
  endsAt?: string;
}

export interface LessonTitle {
  slug: string;
  title: string;
}

/** `/join` and `/join/CODE`: a code and a nickname, no account. */
export function JoinRoom({
  code: initialCode = '',
  lessons,
}: {
  code?: string;
  lessons: LessonTitle[];
}) {
  const room = useRoom();
  const [code, setCode] = useState(initialCode);
  const [nickname, setNickname] = useState('');
  const [error, setError] = useState<{ field: 'code' | 'nickname' | 'form'; text: string }>();
  const [isBusy, setBusy] = useState(false);
  const codeId = useId();
  const nickId = useId();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const normalized = normalizeCode(code);
    if (!normalized) {
      setError({
        field: 'code',
        text: 'That is not a room code: it has 6 letters and digits, as shown by your trainer.',
      });
      return;
    }
    const nick = parseRequest(nicknameSchema, nickname);
    if (!nick.ok) {
      setError({ field: 'nickname', text: nick.reason });
      return;
    }
    setBusy(true);
    try {
      const found = await roomApi<PublicRoom>(`/api/rooms/${normalized}`);
      if (!found.ok) {
        setError({
          field: found.status === 404 ? 'code' : 'form',
          text:
            found.status === 404
              ? `No room has the code ${normalized}. Check it with your trainer.`
              : found.error,
        });
        return;
      }
      if (found.value.closed) {
        setError({
          field: 'code',
          text: `The room “${found.value.name}” is closed: it takes no new members.`,
        });
        return;
      }
      const joined = await roomApi<{ memberId: string; token: string }>(
        `/api/rooms/${normalized}/members`,
        { method: 'POST', body: { nickname: nick.value } },
      );
      if (!joined.ok) {
        if (joined.status === 409)
          setError({
            field: 'nickname',
            text: `Someone in this room is already called “${nick.value}”. Choose another nickname.`,
          });
        else if (joined.status === 410)
          setError({
            field: 'code',
            text: `The room “${found.value.name}” is closed: it takes no new members.`,
          });
        else setError({ field: 'form', text: joined.error });
        return;
      }
      enterRoom({
        code: normalized,
        memberId: joined.value.memberId,
        token: joined.value.token,
        nickname: nick.value,
        roomName: found.value.name,
      });
    } finally {
      setBusy(false);
    }
  }

  if (room.membership) {
    const open = room.view?.pacing.open ?? [];
    const titles = new Map(lessons.map((l) => [l.slug, l.title]));
    return (
      <section aria-labelledby="joined-title">
        <h2 id="joined-title">
          You are in “{room.membership.roomName}” as {room.membership.nickname}
        </h2>
        <p>
          Work through the lessons as usual: your trainer sees how far you got and the size of your
          image. Your finished Dockerfiles are sent to the trainer; nothing else is.
        </p>
        {open.length > 0 ? (
          <>
            <h3>Open in this room</h3>
            <ul>
              {open.map((slug) => (
                <li key={slug}>
                  <Link href={`/lessons/${slug}`}>{titles.get(slug) ?? slug}</Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <div className="button-row">
          <button type="button" className="button" onClick={() => void leaveRoom()}>
            Leave room
          </button>
        </div>
      </section>
    );
  }

  const describe = (field: 'code' | 'nickname') =>
    error?.field === field ? `${field === 'code' ? codeId : nickId}-error` : undefined;

  return (
    <form onSubmit={onSubmit} noValidate style={{ maxWidth: '28rem' }}>
      {room.notice ? <p className="callout callout--info">{room.notice}</p> : null}
      <div className="field">
        <label htmlFor={codeId}>Room code</label>
        <input
          id={codeId}
          type="text"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={12}
          aria-invalid={error?.field === 'code' || undefined}
          aria-describedby={describe('code')}
        />
        {error?.field === 'code' ? (
          <p id={`${codeId}-error`} className="callout callout--danger" role="alert">
            {error.text}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={nickId}>Nickname</label>
        <input
          id={nickId}
          type="text"
          value={nickname}
          onChange={(e) => setNickname(e.target.value)}
          autoComplete="nickname"
          maxLength={ROOM_LIMITS.nicknameChars}
          aria-invalid={error?.field === 'nickname' || undefined}
          aria-describedby={error?.field === 'nickname' ? `${nickId}-error` : `${nickId}-help`}
        />
        {error?.field === 'nickname' ? (
          <p id={`${nickId}-error`} className="callout callout--danger" role="alert">
            {error.text}
          </p>
        ) : (
          <p id={`${nickId}-help`} className="field__help">
            What the trainer sees; up to {ROOM_LIMITS.nicknameChars} characters. No account, no
            e-mail.
          </p>
        )}
      </div>
      {error?.field === 'form' ? (
        <p className="callout callout--danger" role="alert">
          {error.text}
        </p>
      ) : null}
      <button type="submit" className="button button--primary" disabled={isBusy}>
        {isBusy ? 'Joining…' : 'Join'}
      </button>
    </form>
  );
}
