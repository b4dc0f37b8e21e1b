// The limits themselves, not the share codec's module: that one brings its compression library.
import { LIMITS } from '../limits';

/** Caps on what a request may carry; the same Dockerfile caps as share links. */
export const ROOM_LIMITS = {
  dockerfileChars: LIMITS.share.dockerfileChars,
  dockerignoreChars: LIMITS.share.dockerignoreChars,
  nicknameChars: 40,
  messageChars: 500,
  roomNameChars: 80,
  /** Progress reports in one request (an outbox flushed after a long disconnection). */
  reportsPerRequest: 50,
  membersPerRoom: 500,
  /** Room lifetime when the trainer sets no end: data older than this is deleted. */
  defaultLifetimeHours: 24 * 7,
  /** Longest lifetime a trainer may choose. */
  maxLifetimeHours: 24 * 30,
} as const;
