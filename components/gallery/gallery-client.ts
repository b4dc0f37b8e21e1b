/**
 * The browser side of short links and the gallery: calls to this site's own API (relative URLs,
 * never another host) and the local storage of this browser's entries. Every call resolves with
 * `{ ok: false, reason }` instead of throwing, so a missing server degrades to a sentence.
 */
import {
  OWN_ENTRIES_KEY,
  ROOM_MEMBERSHIP_KEY,
  addOwnEntry,
  parseOwnEntries,
  removeOwnEntry,
  roomCodeFromStorage,
  serializeOwnEntries,
  solutionId,
  withdrawKeyFromRandom,
  type OwnEntry,
} from '@/lib/gallery';

export type ApiResult<T> = { ok: true; value: T } | { ok: false; reason: string; status?: number };

/** Said when the server cannot be reached or answers with something that is not the API's JSON. */
export const SERVER_UNAVAILABLE =
  'The server is not available, so no short link was made. The fragment link works without it.';

async function call<T>(path: string, init?: RequestInit): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { 'content-type': 'application/json', ...init?.headers },
      cache: 'no-store',
    });
  } catch {
    return { ok: false, reason: SERVER_UNAVAILABLE };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, reason: SERVER_UNAVAILABLE, status: response.status };
  }
  if (!response.ok) {
    const error = (body as { error?: unknown } | null)?.error;
    return {
      ok: false,
      status: response.status,
      reason: typeof error === 'string' ? error : SERVER_UNAVAILABLE,
    };
  }
  return { ok: true, value: body as T };
}

export interface SolutionFiles {
  lesson?: string;
  lessonVersion?: string;
  dockerfile: string;
  dockerignore: string;
}

type ShortLink = ApiResult<{ id: string; path: string }>;

/** Short links made by this page, by the content's ID (the server names a link after it too). */
const shortLinks = new Map<string, { made: Promise<ShortLink>; result?: ShortLink }>();
/** The texts a page keeps links for; the oldest is forgotten first. */
const MAX_REMEMBERED_LINKS = 50;

/**
 * POST /api/short-links: the short link's path (`/s/ID`). Pressing Share again on the same texts
 * reuses the link (and the request on its way) instead of asking the server again: the server
 * would answer with the same link, but each ask counts towards its per-address limit. A failure
 * is not kept, so the next press tries again.
 */
export function createShortLink(files: SolutionFiles): Promise<ShortLink> {
  const key = solutionId(files);
  const known = shortLinks.get(key);
  if (known) return known.made;
  const entry: { made: Promise<ShortLink>; result?: ShortLink } = {
    made: call<{ id: string; path: string }>('/api/short-links', {
      method: 'POST',
      body: JSON.stringify(files),
    }).then((result) => {
      if (result.ok) entry.result = result;
      else shortLinks.delete(key);
      return result;
    }),
  };
  shortLinks.set(key, entry);
  if (shortLinks.size > MAX_REMEMBERED_LINKS) {
    const oldest = shortLinks.keys().next().value;
    if (oldest !== undefined) shortLinks.delete(oldest);
  }
  return entry.made;
}

/** The short link this page already made for these texts, if any (for showing it at once). */
export function knownShortLink(files: SolutionFiles): { id: string; path: string } | undefined {
  const result = shortLinks.get(solutionId(files))?.result;
  return result?.ok ? result.value : undefined;
}

export interface Published {
  entryId: string;
  solutionId: string;
  bytes: number;
  score: number;
}

/** POST /api/gallery/SLUG with a fresh withdraw key, which is kept in this browser on success. */
export async function publishSolution(
  files: SolutionFiles & { lesson: string; lessonVersion: string },
  nickname: string | undefined,
  room: string | undefined,
): Promise<ApiResult<Published>> {
  const withdrawKey = withdrawKeyFromRandom(crypto.getRandomValues(new Uint8Array(32)));
  const result = await call<Published>(`/api/gallery/${encodeURIComponent(files.lesson)}`, {
    method: 'POST',
    body: JSON.stringify({
      lessonVersion: files.lessonVersion,
      dockerfile: files.dockerfile,
      dockerignore: files.dockerignore,
      nickname: nickname?.trim() ? nickname.trim() : null,
      withdrawKey,
      ...(room ? { room } : {}),
    }),
  });
  if (result.ok) {
    saveOwnEntries(
      addOwnEntry(readOwnEntries(), {
        entryId: result.value.entryId,
        solutionId: result.value.solutionId,
        lesson: files.lesson,
        withdrawKey,
        publishedAt: new Date().toISOString(),
      }),
    );
  }
  return result;
}

/** POST /api/gallery/entries/ID/withdraw with the key this browser holds; forgets it on success. */
export async function withdrawSolution(entry: OwnEntry): Promise<ApiResult<unknown>> {
  const result = await call(`/api/gallery/entries/${encodeURIComponent(entry.entryId)}/withdraw`, {
    method: 'POST',
    body: JSON.stringify({ withdrawKey: entry.withdrawKey }),
  });
  // Already gone on the server (withdrawn elsewhere, or hidden and cleaned up): forget it too.
  if (result.ok || result.status === 404)
    saveOwnEntries(removeOwnEntry(readOwnEntries(), entry.entryId));
  return result;
}

/** The entries this browser published (empty when storage is unavailable or damaged). */
export function readOwnEntries(): OwnEntry[] {
  try {
    return parseOwnEntries(window.localStorage.getItem(OWN_ENTRIES_KEY));
  } catch {
    return [];
  }
}

function saveOwnEntries(entries: OwnEntry[]): void {
  try {
    window.localStorage.setItem(OWN_ENTRIES_KEY, serializeOwnEntries(entries));
  } catch {
    // Storage full or blocked: the entry is published, only the right to withdraw it is lost.
  }
  window.dispatchEvent(new Event(OWN_ENTRIES_EVENT));
}

/** Fired on window when this tab changes its stored entries. */
export const OWN_ENTRIES_EVENT = 'layerlab:own-entries';

/** The room this browser is in (see lib/gallery/room-membership.ts), or undefined. */
export function readRoomCode(): string | undefined {
  try {
    return roomCodeFromStorage(window.localStorage.getItem(ROOM_MEMBERSHIP_KEY));
  } catch {
    return undefined;
  }
}
