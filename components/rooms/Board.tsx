'use client';

import dynamic from 'next/dynamic';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { formatBytes } from '@/lib/format';
import {
  applyBoardEvent,
  boardRows,
  sortRows,
  type BoardCell,
  type BoardSort,
  type BoardState,
} from '@/lib/rooms';
import type { SolutionGroup } from '@/lib/rooms';
import { ROOM_LIMITS } from '@/lib/rooms';
import { ConfirmDialog } from '../ConfirmDialog';
import { takeTrainerSecret } from './membership';
import { followRoom, roomApi, type ConnectionState } from './room-client';
import styles from './rooms.module.css';

const SolutionDiff = dynamic(() => import('./SolutionDiff'), {
  ssr: false,
  loading: () => <p className="muted">Loading the diff…</p>,
});

export interface BoardLesson {
  slug: string;
  title: string;
}

interface Opened {
  memberId: string;
  nickname: string;
  lesson: string;
  dockerfile: string;
  dockerignore: string;
}

const SORTS: { value: BoardSort; label: string }[] = [
  { value: 'progress', label: 'Progress' },
  { value: 'name', label: 'Name' },
  { value: 'stuck', label: 'Stuck first' },
];

/** The trainer's live board: one row per learner, one cell per lesson, and the room's controls. */
export function Board({ code, lessons }: { code: string; lessons: BoardLesson[] }) {
  const [secret, setSecret] = useState<string | null>();
  const [board, setBoard] = useState<BoardState>();
  const [error, setError] = useState<string>();
  const [connection, setConnection] = useState<ConnectionState>('reconnecting');
  const [sort, setSort] = useState<BoardSort>('progress');
  const [isProjector, setProjector] = useState(false);
  const [message, setMessage] = useState('');
  const [status, setStatus] = useState('');
  const [opened, setOpened] = useState<Opened>();
  // Opening a solution moves focus to its panel (below the table, out of sight on a laptop);
  // closing it gives focus back to the button that opened it.
  const openedHeading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (!opened) return;
    openedHeading.current?.focus();
    openedHeading.current?.scrollIntoView({ block: 'start' });
  }, [opened]);
  const [isClosing, setClosing] = useState(false);
  const [showNames, setShowNames] = useState(false);
  const [invite, setInvite] = useState<string>();
  const [holdAt, setHoldAt] = useState(lessons[0]?.slug ?? '');
  const holdId = useId();
  const boardRef = useRef<BoardState | undefined>(undefined);
  boardRef.current = board;
  const sortId = useId();
  const messageId = useId();

  useEffect(() => setSecret(takeTrainerSecret(code) ?? null), [code]);

  const load = useCallback(async () => {
    if (!secret) return false;
    const answer = await roomApi<BoardState>(`/api/rooms/${code}/board`, { token: secret });
    if (answer.ok) {
      setBoard(answer.value);
      setError(undefined);
      return true;
    }
    if (answer.status !== 0) setError(answer.error);
    return false;
  }, [code, secret]);

  useEffect(() => {
    if (!secret) return;
    let hasSnapshot = false;
    let stop = () => {};
    let isCurrent = true;
    void load().then((ok) => {
      hasSnapshot = ok;
      if (!isCurrent) return;
      stop = followRoom({
        url: `/api/rooms/${code}/events`,
        token: secret,
        lastSeq: () => boardRef.current?.seq ?? 0,
        onEvent: (event) =>
          setBoard((current) => (current ? applyBoardEvent(current, event) : current)),
        onState: (state) => {
          setConnection(state);
          if (state === 'connected' && !hasSnapshot) void load().then((ok) => (hasSnapshot = ok));
        },
        onRefused: (_status, text) => setError(text),
      });
    });
    return () => {
      isCurrent = false;
      stop();
    };
  }, [code, secret, load]);

  const titles = useMemo(() => new Map(lessons.map((l) => [l.slug, l.title])), [lessons]);
  const rows = useMemo(() => (board ? sortRows(boardRows(board), sort) : []), [board, sort]);

  async function act(path: string, body: unknown, done: string): Promise<boolean> {
    if (!secret) return false;
    const answer = await roomApi(`/api/rooms/${code}/${path}`, {
      method: 'POST',
      token: secret,
      body,
    });
    setStatus(answer.ok ? done : answer.error);
    return answer.ok;
  }

  async function onBroadcast(event: FormEvent) {
    event.preventDefault();
    if (!message.trim()) {
      setStatus('Write a message first.');
      return;
    }
    if (await act('broadcast', { kind: 'message', text: message }, 'Message sent to every screen.'))
      setMessage('');
  }

  async function download(format: 'csv' | 'json') {
    if (!secret) return;
    try {
      const response = await fetch(`/api/rooms/${code}/export?format=${format}`, {
        headers: { authorization: `Bearer ${secret}` },
        cache: 'no-store',
      });
      if (!response.ok) {
        setStatus(`The export failed (${response.status}).`);
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `layerlab-room-${code}.${format}`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      setStatus(`Results exported to ${link.download}.`);
    } catch {
      setStatus('The server could not be reached.');
    }
  }

  async function inviteTrainer() {
    if (!secret) return;
    const answer = await roomApi<{ trainerSecret: string; trainerPath: string }>(
      `/api/rooms/${code}/trainers`,
      { method: 'POST', token: secret, body: {} },
    );
    if (!answer.ok) {
      setStatus(answer.error);
      return;
    }
    setInvite(`${window.location.origin}${answer.value.trainerPath}`);
    setStatus('A new trainer link is ready below.');
  }

  async function openSolution(memberId: string, nickname: string, lesson: string) {
    if (!secret) return;
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const answer = await roomApi<{ dockerfile: string; dockerignore: string }>(
      `/api/rooms/${code}/members/${memberId}/solutions/${lesson}`,
      { token: secret },
    );
    if (!answer.ok) {
      setStatus(answer.error);
      return;
    }
    setOpened({
      memberId,
      nickname,
      lesson,
      dockerfile: answer.value.dockerfile ?? '',
      dockerignore: answer.value.dockerignore ?? '',
    });
  }

  if (secret === undefined) return <p className="muted">Opening the board…</p>;
  if (secret === null)
    return (
      <p className="callout callout--warning">
        This board needs the trainer link (the address with <code>#key=</code> that creating the
        room gave you). Open that link in this tab.
      </p>
    );
  if (!board)
    return error ? (
      <p className="callout callout--danger" role="alert">
        {error}
      </p>
    ) : (
      <p className="muted">Loading the board…</p>
    );

  const isClosed = Boolean(board.room.closedAt);
  const spotlight = board.spotlight;
  const handCount = rows.filter((r) => r.handRaisedAt).length;

  return (
    <div className={isProjector ? styles.projector : undefined}>
      <header className={styles.boardTools}>
        <div>
          <h1 style={{ margin: 0 }}>{board.room.name}</h1>
          <p style={{ margin: 0 }}>
            Join at <strong>/join</strong> with code{' '}
            <strong className={styles.code} style={{ fontSize: 'inherit' }}>
              {board.room.code}
            </strong>{' '}
            · {rows.length} {rows.length === 1 ? 'learner' : 'learners'}
            {handCount ? ` · ${handCount} raised ${handCount === 1 ? 'hand' : 'hands'}` : ''} ·{' '}
            <span data-testid="board-connection" data-state={connection}>
              {connection === 'connected' ? 'live' : connection}
            </span>
            {isClosed ? ' · closed (read-only)' : ''}
          </p>
        </div>
      </header>

      {error ? (
        <p className="callout callout--danger" role="alert">
          {error}
        </p>
      ) : null}

      <div className={styles.boardTools}>
        <div className="field">
          <label htmlFor={sortId}>Sort by</label>
          <select id={sortId} value={sort} onChange={(e) => setSort(e.target.value as BoardSort)}>
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button"
          aria-pressed={isProjector}
          onClick={() => setProjector((p) => !p)}
        >
          Projector mode
        </button>
        {!isClosed ? (
          <>
            <button
              type="button"
              className="button button--primary"
              onClick={() =>
                void act('pacing', { action: 'open-next' }, 'The next lesson is open.')
              }
            >
              Open next lesson
            </button>
            <button
              type="button"
              className="button"
              onClick={() => void act('pacing', { action: 'open-all' }, 'Every lesson is open.')}
            >
              Open all lessons
            </button>
          </>
        ) : null}
        <button type="button" className="button" onClick={() => void download('csv')}>
          Export CSV
        </button>
        <button type="button" className="button" onClick={() => void download('json')}>
          Export JSON
        </button>
        <button type="button" className="button" onClick={() => void inviteTrainer()}>
          Invite another trainer
        </button>
        {!isClosed ? (
          <button type="button" className="button button--danger" onClick={() => setClosing(true)}>
            Close room
          </button>
        ) : null}
      </div>

      {!isClosed ? (
        <form
          className={styles.boardTools}
          onSubmit={(e) => {
            e.preventDefault();
            void act(
              'pacing',
              { action: 'hold', lesson: holdAt },
              `The room is held at ${titles.get(holdAt) ?? holdAt}.`,
            );
          }}
        >
          <div className="field">
            <label htmlFor={holdId}>Hold the room at</label>
            <select id={holdId} value={holdAt} onChange={(e) => setHoldAt(e.target.value)}>
              {board.room.lessons.map((slug, index) => (
                <option key={slug} value={slug}>
                  {index + 1}. {titles.get(slug) ?? slug}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            Hold
          </button>
        </form>
      ) : null}

      <p className="field__help">
        Open in the room: {board.pacing.open.map((s) => titles.get(s) ?? s).join(', ') || 'none'}
      </p>

      {!isClosed ? (
        <form className={styles.boardTools} onSubmit={onBroadcast}>
          <div className="field" style={{ flex: '1 1 20rem' }}>
            <label htmlFor={messageId}>Message</label>
            <input
              id={messageId}
              type="text"
              value={message}
              maxLength={ROOM_LIMITS.messageChars}
              onChange={(e) => setMessage(e.target.value)}
              autoComplete="off"
            />
          </div>
          <button type="submit" className="button">
            Broadcast
          </button>
        </form>
      ) : null}

      <p role="status" aria-live="polite" className="field__help" data-testid="board-status">
        {status}
      </p>

      {invite ? (
        <div className="callout callout--warning">
          <p>
            A trainer link for a second trainer. It is a key of its own, shown only now: send it
            privately.
          </p>
          <p className={styles.link} data-testid="invited-trainer-link">
            {invite}
          </p>
          <button type="button" className="button" onClick={() => setInvite(undefined)}>
            Hide the link
          </button>
        </div>
      ) : null}

      {spotlight ? (
        <div className={styles.panel}>
          <h2>Spotlight on every screen</h2>
          <p>
            {titles.get(spotlight.lesson) ?? spotlight.lesson}
            {spotlight.nickname ? ` · by ${spotlight.nickname}` : ' · name hidden'}
          </p>
          <button
            type="button"
            className="button"
            onClick={() => void act('spotlight', { show: false }, 'The spotlight is down.')}
          >
            Take down spotlight
          </button>
        </div>
      ) : null}

      <div
        className={styles.tableWrap}
        role="region"
        aria-label="Progress board"
        // Focusable so a keyboard can scroll a board wider than the screen.
        tabIndex={0}
      >
        <table className={styles.table}>
          <caption className="visually-hidden">
            Progress of each learner per lesson. Updates live.
          </caption>
          <thead>
            <tr>
              <th scope="col">Learner</th>
              {board.room.lessons.map((slug, index) => (
                <th scope="col" key={slug} title={titles.get(slug) ?? slug}>
                  {index + 1}. {isProjector ? '' : (titles.get(slug) ?? slug)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={board.room.lessons.length + 1} className="muted">
                  No learners yet. They join at /join with the code {board.room.code}.
                </td>
              </tr>
            ) : null}
            {rows.map((row) => (
              <tr key={row.memberId} data-testid="board-row" data-nickname={row.nickname}>
                <th scope="row">
                  {row.nickname}
                  {row.handRaisedAt ? (
                    <>
                      {' '}
                      <span data-testid="raised-hand" className={styles.hand}>
                        Hand raised
                      </span>
                    </>
                  ) : null}
                </th>
                {row.cells.map((cell) => (
                  <td
                    key={cell.lesson}
                    className={styles.cell}
                    data-testid="board-cell"
                    data-lesson={cell.lesson}
                    data-state={cell.state}
                    data-bytes={cell.bytes ?? ''}
                  >
                    <CellText cell={cell} />
                    {cell.state === 'completed' ? (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="button"
                          aria-label={`Open ${row.nickname}’s solution of ${titles.get(cell.lesson) ?? cell.lesson}`}
                          onClick={() => void openSolution(row.memberId, row.nickname, cell.lesson)}
                        >
                          Open
                        </button>
                      </>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {opened ? (
        <section
          className={styles.panel}
          aria-labelledby="opened-title"
          style={{ marginTop: 'var(--space-4)' }}
        >
          <h2 id="opened-title" ref={openedHeading} tabIndex={-1}>
            {opened.nickname}’s solution of {titles.get(opened.lesson) ?? opened.lesson}
          </h2>
          <div className="button-row">
            <label className="choice">
              <input
                type="checkbox"
                checked={showNames}
                onChange={(e) => setShowNames(e.target.checked)}
              />{' '}
              Show the name on the spotlight
            </label>
            {!isClosed ? (
              <button
                type="button"
                className="button button--primary"
                onClick={() =>
                  void act(
                    'spotlight',
                    {
                      show: true,
                      memberId: opened.memberId,
                      lesson: opened.lesson,
                      showName: showNames,
                    },
                    'The solution is on every screen.',
                  )
                }
              >
                Spotlight this solution
              </button>
            ) : null}
            <button
              type="button"
              className="button"
              onClick={() => {
                setOpened(undefined);
                if (opener.current?.isConnected) opener.current.focus();
              }}
            >
              Close the diff
            </button>
          </div>
          <SolutionDiff
            lesson={opened.lesson}
            yours={{ dockerfile: opened.dockerfile, dockerignore: opened.dockerignore }}
          />
        </section>
      ) : null}

      <SolutionGroups
        code={code}
        secret={secret}
        lessons={board.room.lessons}
        titles={titles}
        onOpen={(memberId, nickname, lesson) => void openSolution(memberId, nickname, lesson)}
      />

      <ConfirmDialog
        isOpen={isClosing}
        title="Close the room?"
        confirmLabel="Close room"
        isDanger
        onCancel={() => setClosing(false)}
        onConfirm={() => {
          setClosing(false);
          void act('close', {}, 'The room is closed: read-only from now on.');
        }}
      >
        Learners keep their own progress, but nothing more is recorded and nobody can join. The
        results stay available for export until the room expires.
      </ConfirmDialog>
    </div>
  );
}

function CellText({ cell }: { cell: BoardCell }) {
  if (cell.state === 'not-started') return <span className="muted">not started</span>;
  const size = cell.bytes !== undefined ? formatBytes(cell.bytes) : 'no estimate';
  if (cell.state === 'working')
    return (
      <span>
        {size} · {cell.goalsMet}/{cell.goalsTotal} goals
      </span>
    );
  // Under a minute says so rather than rounding up to "1 min".
  const took =
    cell.durationMs === undefined
      ? ''
      : cell.durationMs < 60_000
        ? ' · under 1 min'
        : ` · ${Math.round(cell.durationMs / 60_000)} min`;
  return (
    <span>
      ✓ {size}
      {took}
    </span>
  );
}

/** The collected solutions of one lesson, identical ones grouped. */
function SolutionGroups({
  code,
  secret,
  lessons,
  titles,
  onOpen,
}: {
  code: string;
  secret: string;
  lessons: string[];
  titles: Map<string, string>;
  onOpen: (memberId: string, nickname: string, lesson: string) => void;
}) {
  const [lesson, setLesson] = useState(lessons[0] ?? '');
  const [groups, setGroups] = useState<SolutionGroup[]>();
  const [error, setError] = useState<string>();
  const lessonId = useId();

  async function load(event: FormEvent) {
    event.preventDefault();
    const answer = await roomApi<{ groups: SolutionGroup[] } | SolutionGroup[]>(
      `/api/rooms/${code}/solutions?lesson=${encodeURIComponent(lesson)}`,
      { token: secret },
    );
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setError(undefined);
    setGroups(Array.isArray(answer.value) ? answer.value : (answer.value.groups ?? []));
  }

  return (
    <section
      className={styles.panel}
      aria-labelledby="solutions-title"
      style={{ marginTop: 'var(--space-4)' }}
    >
      <h2 id="solutions-title">Collected solutions</h2>
      <form className={styles.boardTools} onSubmit={load}>
        <div className="field">
          <label htmlFor={lessonId}>Lesson</label>
          <select id={lessonId} value={lesson} onChange={(e) => setLesson(e.target.value)}>
            {lessons.map((slug) => (
              <option key={slug} value={slug}>
                {titles.get(slug) ?? slug}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Show solutions
        </button>
      </form>
      {error ? <p className="callout callout--danger">{error}</p> : null}
      {groups ? (
        groups.length === 0 ? (
          <p className="muted">Nobody has completed this lesson yet.</p>
        ) : (
          <ol className={styles.groups}>
            {groups.map((group) => (
              <li key={group.key}>
                <strong>
                  {group.solutions.length} identical{' '}
                  {group.solutions.length === 1 ? 'solution' : 'solutions'}
                </strong>
                {group.bytes !== undefined ? ` · ${formatBytes(group.bytes)}` : ''} ·{' '}
                {group.solutions.map((s) => s.nickname).join(', ')}{' '}
                <button
                  type="button"
                  className="button"
                  onClick={() =>
                    onOpen(group.solutions[0].memberId, group.solutions[0].nickname, lesson)
                  }
                >
                  Open
                </button>
              </li>
            ))}
          </ol>
        )
      ) : null}
    </section>
  );
}
