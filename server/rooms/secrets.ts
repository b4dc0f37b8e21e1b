import { createHash, randomBytes } from 'node:crypto';
import { codeFromRandom } from '@/lib/rooms/code';

/** A new trainer secret: 32 random bytes, prefixed so a token's kind is visible at a glance. */
export function newTrainerSecret(): string {
  return `t_${randomBytes(32).toString('base64url')}`;
}

/** A new learner membership token. */
export function newMemberToken(): string {
  return `m_${randomBytes(32).toString('base64url')}`;
}

/**
 * What the database stores instead of a secret or token. They are 256 random bits, so one round of
 * SHA-256 is enough: there is no dictionary to try, and a leaked table opens no room.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A random id for rows (rooms, members). */
export function newId(): string {
  return randomBytes(12).toString('base64url');
}

/** A random join code. */
export function newCode(): string {
  return codeFromRandom(randomBytes(32));
}
