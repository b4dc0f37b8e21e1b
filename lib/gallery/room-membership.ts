import { normalizeCode } from '../rooms/code';

/**
 * The room this browser is in, for the gallery's room filter and for publishing "from a room".
 * The rooms pages write it when a learner joins (`components/rooms/membership.ts`, a `{ code, … }`
 * object) and remove it when they leave; it is read defensively here (any damaged or foreign value
 * means "not in a room").
 */
export const ROOM_MEMBERSHIP_KEY = 'layerlab:room';

/**
 * The join code in the stored text, normalised; `undefined` when there is none or it is not a
 * possible code. Accepts `{ code }`, `{ room: { code } }` and a bare JSON string. Never throws.
 */
export function roomCodeFromStorage(raw: string | null): string | undefined {
  if (raw === null || raw.length > 10_000) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const candidate =
    typeof parsed === 'string'
      ? parsed
      : typeof parsed === 'object' && parsed !== null
        ? ((parsed as { code?: unknown }).code ??
          (parsed as { room?: { code?: unknown } | null }).room?.code)
        : undefined;
  return typeof candidate === 'string' ? normalizeCode(candidate) : undefined;
}
