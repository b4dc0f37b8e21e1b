import type { Broadcast, Pacing, Room, RoomEvent, Spotlight, Viewer } from './types';

/**
 * Whether `viewer` may receive `event`. A learner gets the room's own events (pacing, messages,
 * spotlight, closing) and the ones about themself; never another learner's progress, hand or name.
 */
export function isVisibleTo(event: RoomEvent, viewer: Viewer): boolean {
  if (viewer.role === 'trainer') return true;
  switch (event.kind) {
    case 'pacing':
    case 'broadcast':
    case 'spotlight':
    case 'closed':
      return true;
    case 'member-joined':
      return event.member.id === viewer.memberId;
    case 'member-left':
    case 'progress':
    case 'hand':
      return event.memberId === viewer.memberId;
  }
}

/** What a learner's screen shows of the room. */
export interface LearnerRoomView {
  code: string;
  name: string;
  lessons: string[];
  pacing: Pacing;
  spotlight?: Spotlight;
  /** The latest messages, oldest first. */
  broadcasts: Broadcast[];
  isClosed: boolean;
  handRaisedAt?: string;
  /** Resume the stream after this event. */
  seq: number;
}

/** How many recent messages a learner who (re)joins is shown. */
export const RECENT_BROADCASTS = 5;

/** The learner's view of a room: nothing about other learners. */
export function learnerView(
  room: Room,
  own: { handRaisedAt?: string },
  broadcasts: readonly Broadcast[],
  seq: number,
): LearnerRoomView {
  return {
    code: room.code,
    name: room.name,
    lessons: room.lessons,
    pacing: room.pacing,
    spotlight: room.spotlight,
    broadcasts: broadcasts.slice(-RECENT_BROADCASTS),
    isClosed: Boolean(room.closedAt),
    handRaisedAt: own.handRaisedAt,
    seq,
  };
}

/**
 * The spotlight as stored and shown: the nickname kept only when the trainer chose to show it.
 */
export function makeSpotlight(
  solution: { lesson: string; dockerfile: string; dockerignore: string },
  nickname: string,
  showName: boolean,
): Spotlight {
  return { ...solution, ...(showName ? { nickname } : {}) };
}

/** The learner's state after an event of their stream (the room's part; their own hand). */
export function applyLearnerEvent(view: LearnerRoomView, event: RoomEvent): LearnerRoomView {
  if (event.seq <= view.seq) return view;
  const next = { ...view, seq: event.seq };
  switch (event.kind) {
    case 'pacing':
      return { ...next, pacing: event.pacing };
    case 'broadcast':
      return {
        ...next,
        broadcasts: [...view.broadcasts, event.broadcast].slice(-RECENT_BROADCASTS),
      };
    case 'spotlight':
      return { ...next, spotlight: event.spotlight };
    case 'closed':
      return { ...next, isClosed: true };
    case 'hand':
      return { ...next, handRaisedAt: event.raisedAt };
    default:
      return next;
  }
}
