import type { RoomEvent } from '@/lib/rooms/types';

type Listener = (events: readonly RoomEvent[]) => void;

const KEY = Symbol.for('layerlab.roomLocalEvents');
type Holder = { [KEY]?: Map<string, Set<Listener>> };

function listeners(): Map<string, Set<Listener>> {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= new Map());
}

/**
 * Hands events this process has just committed to this process's feed of the room, so its
 * streams get them without reading them back from the database. Other instances still learn of
 * them by notification and read them; this is only a shortcut for the writer's own process.
 */
export function publishLocal(roomId: string, events: readonly RoomEvent[]): void {
  for (const listener of listeners().get(roomId) ?? []) listener(events);
}

/** Listens for events committed in this process for `roomId`; returns the unsubscribe function. */
export function onLocalEvents(roomId: string, listener: Listener): () => void {
  const map = listeners();
  let set = map.get(roomId);
  if (!set) map.set(roomId, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0 && map.get(roomId) === set) map.delete(roomId);
  };
}
