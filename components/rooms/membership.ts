import * as v from 'valibot';
import { ROOM_MEMBERSHIP_KEY } from '@/lib/gallery';

/** A learner's membership of a room, kept in this browser (localStorage). */
export interface Membership {
  code: string;
  memberId: string;
  token: string;
  nickname: string;
  roomName: string;
}

/** The same key the gallery reads for its room filter. */
export const MEMBERSHIP_KEY = ROOM_MEMBERSHIP_KEY;
export const outboxKey = (code: string) => `layerlab:room-outbox:${code}`;
const trainerKey = (code: string) => `layerlab:trainer:${code}`;

const membershipSchema = v.object({
  code: v.pipe(v.string(), v.regex(/^[A-Z0-9]{6}$/)),
  memberId: v.pipe(v.string(), v.maxLength(64)),
  token: v.pipe(v.string(), v.maxLength(200)),
  nickname: v.pipe(v.string(), v.maxLength(40)),
  roomName: v.pipe(v.string(), v.maxLength(80)),
});

/** The stored membership; `undefined` when none, or when what is stored is damaged. */
export function readMembership(): Membership | undefined {
  try {
    const raw = window.localStorage.getItem(MEMBERSHIP_KEY);
    if (!raw) return undefined;
    const parsed = v.safeParse(membershipSchema, JSON.parse(raw));
    return parsed.success ? parsed.output : undefined;
  } catch {
    return undefined;
  }
}

/** Stores (or with `undefined` forgets) the membership; false when storage refused it. */
export function writeMembership(membership: Membership | undefined): boolean {
  try {
    if (membership) window.localStorage.setItem(MEMBERSHIP_KEY, JSON.stringify(membership));
    else window.localStorage.removeItem(MEMBERSHIP_KEY);
    return true;
  } catch {
    return false;
  }
}

/**
 * The trainer's secret for a room: taken from the address's `#key=` fragment into this tab's
 * sessionStorage, and the fragment removed from the address bar (and history) so it is not shown
 * on a projector or left in a screenshot.
 */
export function takeTrainerSecret(code: string): string | undefined {
  try {
    const match = /(?:^#|&)key=([^&]+)/.exec(window.location.hash);
    if (match) {
      const secret = decodeURIComponent(match[1]);
      window.sessionStorage.setItem(trainerKey(code), secret);
      const url = new URL(window.location.href);
      url.hash = '';
      window.history.replaceState(window.history.state, '', url.pathname + url.search);
      return secret;
    }
    return window.sessionStorage.getItem(trainerKey(code)) ?? undefined;
  } catch {
    return undefined;
  }
}
