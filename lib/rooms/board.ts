import { durationMs } from './progress';
import type {
  CellState,
  Member,
  Pacing,
  ProgressSummary,
  Room,
  RoomEvent,
  Spotlight,
} from './types';

/** What the trainer's board holds: the room, its members and their progress per lesson. */
export interface BoardState {
  room: Pick<Room, 'code' | 'name' | 'lessons' | 'closedAt' | 'endsAt' | 'expiresAt'>;
  pacing: Pacing;
  spotlight?: Spotlight;
  members: Member[];
  /** memberId → lesson → progress. */
  progress: Record<string, Record<string, ProgressSummary>>;
  /** The last event applied: the stream resumes after it. */
  seq: number;
}

/**
 * The board after `event`. Events at or below `state.seq` were applied already (a resumed stream
 * may repeat them) and change nothing, so nothing is counted twice.
 */
export function applyBoardEvent(state: BoardState, event: RoomEvent): BoardState {
  if (event.seq <= state.seq) return state;
  const next: BoardState = { ...state, seq: event.seq };
  switch (event.kind) {
    case 'member-joined':
      next.members = [...state.members.filter((m) => m.id !== event.member.id), event.member];
      break;
    case 'member-left':
      next.members = state.members.map((m) =>
        m.id === event.memberId ? { ...m, leftAt: event.at, handRaisedAt: undefined } : m,
      );
      break;
    case 'progress':
      next.progress = {
        ...state.progress,
        [event.memberId]: {
          ...state.progress[event.memberId],
          [event.progress.lesson]: event.progress,
        },
      };
      break;
    case 'hand':
      next.members = state.members.map((m) =>
        m.id === event.memberId ? { ...m, handRaisedAt: event.raisedAt } : m,
      );
      break;
    case 'pacing':
      next.pacing = event.pacing;
      break;
    case 'spotlight':
      next.spotlight = event.spotlight;
      break;
    case 'closed':
      next.room = { ...state.room, closedAt: event.closedAt };
      break;
    case 'broadcast':
      break;
  }
  return next;
}

/** One cell of the board. `bytes`: the current estimate while working, the final one when done. */
export interface BoardCell {
  lesson: string;
  state: CellState;
  bytes?: number;
  goalsMet: number;
  goalsTotal: number;
  durationMs?: number;
}

/** One row: a learner still in the room, with a cell per lesson in course order. */
export interface BoardRow {
  memberId: string;
  nickname: string;
  handRaisedAt?: string;
  completed: number;
  cells: BoardCell[];
}

/** Rows for the members who have not left, in join order. */
export function boardRows(state: BoardState): BoardRow[] {
  return state.members
    .filter((m) => !m.leftAt)
    .map((member) => {
      const mine = state.progress[member.id] ?? {};
      const cells = state.room.lessons.map((lesson): BoardCell => {
        const p = mine[lesson];
        if (!p) return { lesson, state: 'not-started', goalsMet: 0, goalsTotal: 0 };
        return {
          lesson,
          state: p.state,
          bytes: p.bytes,
          goalsMet: p.goalsMet,
          goalsTotal: p.goalsTotal,
          durationMs: durationMs(p),
        };
      });
      return {
        memberId: member.id,
        nickname: member.nickname,
        handRaisedAt: member.handRaisedAt,
        completed: cells.filter((c) => c.state === 'completed').length,
        cells,
      };
    });
}

export type BoardSort = 'progress' | 'name' | 'stuck';

/**
 * Rows sorted: `progress` most completed first (then furthest working lesson); `name`
 * alphabetically; `stuck` raised hands first, longest waiting first, then least progress.
 * Ties keep join order.
 */
export function sortRows(rows: readonly BoardRow[], by: BoardSort): BoardRow[] {
  const furthest = (row: BoardRow) => {
    for (let i = row.cells.length - 1; i >= 0; i--)
      if (row.cells[i].state !== 'not-started') return i;
    return -1;
  };
  const byProgress = (a: BoardRow, b: BoardRow) =>
    b.completed - a.completed || furthest(b) - furthest(a);
  const sorted = [...rows];
  if (by === 'name') {
    sorted.sort((a, b) => a.nickname.localeCompare(b.nickname, undefined, { sensitivity: 'base' }));
  } else if (by === 'progress') {
    sorted.sort(byProgress);
  } else {
    sorted.sort((a, b) => {
      if (a.handRaisedAt && b.handRaisedAt)
        return Date.parse(a.handRaisedAt) - Date.parse(b.handRaisedAt);
      if (a.handRaisedAt) return -1;
      if (b.handRaisedAt) return 1;
      return -byProgress(a, b);
    });
  }
  return sorted;
}
