'use client';

import { useSyncExternalStore } from 'react';
import {
  acknowledge,
  emptyOutbox,
  enqueue,
  nextBatch,
  parseOutbox,
  serializeOutbox,
  type Outbox,
} from '@/lib/rooms';
import type { ProgressReport } from '@/lib/rooms';
import type { ProgressSummary } from '@/lib/rooms';
import { applyLearnerEvent, type LearnerRoomView } from '@/lib/rooms';
import {
  MEMBERSHIP_KEY,
  outboxKey,
  readMembership,
  writeMembership,
  type Membership,
} from './membership';
import { followRoom, roomApi, type ConnectionState } from './room-client';

/** What a learner's page knows of the room they are in. */
export interface RoomState {
  membership?: Membership;
  view?: LearnerRoomView;
  /** The learner's own progress as the server has it (from the snapshot). */
  progress?: ProgressSummary[];
  connection: ConnectionState;
  /** Reports waiting for the server's acknowledgement. */
  pendingReports: number;
  /** Something to tell the learner (the room ended, the membership was refused). */
  notice?: string;
}

type Snapshot = LearnerRoomView & { progress: ProgressSummary[] };

const listeners = new Set<() => void>();
let state: RoomState = { connection: 'reconnecting', pendingReports: 0 };
let isLoaded = false;
let stopStream: (() => void) | undefined;
let outbox: Outbox = emptyOutbox();
let flushing = false;
let flushTimer: ReturnType<typeof setTimeout> | undefined;
let flushFailures = 0;

function set(patch: Partial<RoomState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

function saveOutbox(code: string): void {
  try {
    window.localStorage.setItem(outboxKey(code), serializeOutbox(outbox));
  } catch {
    // Storage full or blocked: the reports stay in memory for this tab and are still sent.
  }
  set({ pendingReports: outbox.pending.length });
}

function endMembership(notice: string): void {
  const code = state.membership?.code;
  stopStream?.();
  stopStream = undefined;
  writeMembership(undefined);
  if (code) {
    try {
      window.localStorage.removeItem(outboxKey(code));
    } catch {
      // Nothing stored to remove.
    }
  }
  outbox = emptyOutbox();
  set({
    membership: undefined,
    view: undefined,
    progress: undefined,
    pendingReports: 0,
    notice,
  });
}

async function loadSnapshot(membership: Membership): Promise<boolean> {
  const answer = await roomApi<Snapshot>(`/api/rooms/${membership.code}/me`, {
    token: membership.token,
  });
  if (answer.ok) {
    const { progress, ...view } = answer.value;
    set({ view, progress });
    return true;
  }
  if ([401, 403, 404, 410].includes(answer.status)) {
    endMembership(`You are no longer in the room ${membership.roomName}: ${answer.error}`);
  }
  return false;
}

function start(): void {
  const membership = readMembership();
  if (!membership) {
    set({ membership: undefined, view: undefined });
    return;
  }
  outbox = parseOutbox(readStored(outboxKey(membership.code)));
  set({ membership, pendingReports: outbox.pending.length, notice: undefined });
  void (async () => {
    // The snapshot gives the current state and the event number to resume after; if the server
    // is unreachable the stream keeps trying and the snapshot is read once it connects.
    let hasSnapshot = await loadSnapshot(membership);
    if (state.membership !== membership) return;
    stopStream = followRoom({
      url: `/api/rooms/${membership.code}/events`,
      token: membership.token,
      lastSeq: () => state.view?.seq ?? 0,
      onEvent: (event) => {
        if (!state.view) return;
        if (event.kind === 'member-left') {
          endMembership('You left the room.');
          return;
        }
        set({ view: applyLearnerEvent(state.view, event) });
      },
      onState: (connection) => {
        set({ connection });
        if (connection === 'connected') {
          if (!hasSnapshot) void loadSnapshot(membership).then((ok) => (hasSnapshot = ok));
          scheduleFlush(0);
        }
      },
      onRefused: (status, error) => {
        if (status === 401 || status === 403 || status === 404 || status === 410)
          endMembership(`You are no longer in the room ${membership.roomName}: ${error}`);
      },
    });
  })();
}

function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function scheduleFlush(ms: number): void {
  clearTimeout(flushTimer);
  flushTimer = setTimeout(() => void flush(), ms);
}

/** Sends the outbox, a batch at a time, until it is empty or the server cannot be reached. */
async function flush(): Promise<void> {
  const membership = state.membership;
  if (flushing || !membership) return;
  flushing = true;
  try {
    for (;;) {
      const batch = nextBatch(outbox);
      if (batch.length === 0) {
        flushFailures = 0;
        return;
      }
      const answer = await roomApi<{ acked: string[] }>(`/api/rooms/${membership.code}/progress`, {
        method: 'POST',
        token: membership.token,
        body: { reports: batch },
      });
      if (state.membership !== membership) return;
      if (answer.ok) {
        outbox = acknowledge(outbox, Array.isArray(answer.value?.acked) ? answer.value.acked : []);
        saveOutbox(membership.code);
        flushFailures = 0;
        continue;
      }
      if (answer.status === 400 || answer.status === 413) {
        // The server will never take this batch: drop it rather than block every later report.
        outbox = acknowledge(
          outbox,
          batch.map((r) => r.id),
        );
        saveOutbox(membership.code);
        continue;
      }
      if (answer.status === 401 || answer.status === 403 || answer.status === 404) {
        endMembership(`You are no longer in the room ${membership.roomName}: ${answer.error}`);
        return;
      }
      if (answer.status === 410) return; // The room closed: nothing more is recorded.
      flushFailures++;
      scheduleFlush(Math.min(10_000, 500 * 2 ** flushFailures));
      return;
    }
  } finally {
    flushing = false;
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!isLoaded) {
    isLoaded = true;
    start();
    window.addEventListener('storage', onStorage);
  }
  return () => {
    listeners.delete(listener);
  };
}

function onStorage(event: StorageEvent): void {
  // Joined or left in another tab: follow it.
  if (event.key !== null && event.key !== MEMBERSHIP_KEY) return;
  const stored = readMembership();
  if (stored?.token === state.membership?.token) return;
  stopStream?.();
  stopStream = undefined;
  set({ view: undefined, progress: undefined });
  start();
}

const serverState: RoomState = { connection: 'reconnecting', pendingReports: 0 };

/** The learner's room (or none), live. Undefined membership: not in a room. */
export function useRoom(): RoomState {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => serverState,
  );
}

/** Starts following the membership just stored by the join page. */
export function enterRoom(membership: Membership): void {
  stopStream?.();
  stopStream = undefined;
  writeMembership(membership);
  set({ view: undefined, progress: undefined });
  if (isLoaded) start();
}

/** Puts a report in the outbox (stored at once) and sends it when it can. */
export function reportProgress(report: ProgressReport): void {
  const membership = state.membership;
  if (!membership || state.view?.isClosed) return;
  outbox = enqueue(outbox, report);
  saveOutbox(membership.code);
  scheduleFlush(0);
}

/** Raises or lowers the learner's hand; the sentence on failure. */
export async function setHand(raised: boolean): Promise<string | undefined> {
  const membership = state.membership;
  if (!membership) return 'You are not in a room.';
  const answer = await roomApi(`/api/rooms/${membership.code}/hand`, {
    method: 'POST',
    token: membership.token,
    body: { raised },
  });
  if (!answer.ok) return answer.error;
  if (state.view)
    set({ view: { ...state.view, handRaisedAt: raised ? new Date().toISOString() : undefined } });
  return undefined;
}

/**
 * Leaves the room: the server forgets the token, this browser forgets the membership. Local
 * progress is untouched (it is the learner's own). Leaves locally even when the server cannot be
 * reached, so "Leave room" always works in one click.
 */
export async function leaveRoom(): Promise<void> {
  const membership = state.membership;
  if (!membership) return;
  await roomApi(`/api/rooms/${membership.code}/members/me`, {
    method: 'DELETE',
    token: membership.token,
  });
  endMembership(`You left the room ${membership.roomName}.`);
}

/** Dismisses the notice. */
export function dismissRoomNotice(): void {
  set({ notice: undefined });
}
