import { MAX_DOCKERFILE_CHARS, MAX_DOCKERIGNORE_CHARS } from '../share/share-link';

/** Caps on what a request may carry; the same Dockerfile caps as share links. */
export const ROOM_LIMITS = {
  dockerfileChars: MAX_DOCKERFILE_CHARS,
  dockerignoreChars: MAX_DOCKERIGNORE_CHARS,
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
