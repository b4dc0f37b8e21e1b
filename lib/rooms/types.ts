/** What the room lets learners open: the set of lesson slugs, in course order. */
export interface Pacing {
  open: string[];
}

export type CellState = 'not-started' | 'working' | 'completed';

/** One learner's progress on one lesson, as stored. Times are ISO 8601. */
export interface LessonProgress {
  lesson: string;
  state: Exclude<CellState, 'not-started'>;
  startedAt: string;
  updatedAt: string;
  /** Set once the lesson's goals were all met. */
  completedAt?: string;
  /** The latest estimate while working; the final one once completed. `undefined`: no estimate. */
  bytes?: number;
  goalsMet: number;
  goalsTotal: number;
  score?: number;
  /** Reports received up to completion (each a settled analysis of a changed text). */
  attempts: number;
  dockerfile?: string;
  dockerignore?: string;
}

/** A learner in a room. */
export interface Member {
  id: string;
  nickname: string;
  joinedAt: string;
  leftAt?: string;
  handRaisedAt?: string;
}

/** A solution shown to every screen. `nickname` only when the trainer chose to show names. */
export interface Spotlight {
  lesson: string;
  dockerfile: string;
  dockerignore: string;
  nickname?: string;
}

/** A message from the trainer. */
export interface Broadcast {
  kind: 'message' | 'hint';
  text: string;
  at: string;
}

/** A room as the server knows it (no secrets). */
export interface Room {
  id: string;
  code: string;
  name: string;
  /** The course's lesson slugs in order when the room was created. */
  lessons: string[];
  pacing: Pacing;
  spotlight?: Spotlight;
  createdAt: string;
  endsAt?: string;
  closedAt?: string;
  expiresAt: string;
}

/**
 * Something that happened in a room, numbered by `seq` (1, 2, …, no gaps). Streams send `seq` as
 * the Server-Sent Event id, so a client resumes with Last-Event-ID.
 */
export type RoomEvent = { seq: number; at: string } & (
  | { kind: 'member-joined'; member: Member }
  | { kind: 'member-left'; memberId: string }
  | { kind: 'progress'; memberId: string; progress: ProgressSummary }
  | { kind: 'hand'; memberId: string; raisedAt?: string }
  | { kind: 'pacing'; pacing: Pacing }
  | { kind: 'broadcast'; broadcast: Broadcast }
  | { kind: 'spotlight'; spotlight?: Spotlight }
  | { kind: 'closed'; closedAt: string }
);

/** `LessonProgress` without the texts: what travels to the board on every change. */
export type ProgressSummary = Omit<LessonProgress, 'dockerfile' | 'dockerignore'>;

/** Who is looking: the trainer sees everything, a learner their own things and the room's. */
export type Viewer = { role: 'trainer' } | { role: 'member'; memberId: string };
