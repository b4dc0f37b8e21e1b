'use client';

import { useEffect, useState } from 'react';
import { OWN_ENTRIES_KEY, type OwnEntry } from '@/lib/gallery';
import { OWN_ENTRIES_EVENT, readOwnEntries } from './gallery-client';

/** This browser's published entries, kept current across this tab and others. */
export function useOwnEntries(): OwnEntry[] {
  const [entries, setEntries] = useState<OwnEntry[]>([]);
  useEffect(() => {
    const read = () => setEntries(readOwnEntries());
    const onStorage = (event: StorageEvent) => {
      if (event.key === null || event.key === OWN_ENTRIES_KEY) read();
    };
    read();
    window.addEventListener(OWN_ENTRIES_EVENT, read);
    window.addEventListener('storage', onStorage);
    return () => {
      window.removeEventListener(OWN_ENTRIES_EVENT, read);
      window.removeEventListener('storage', onStorage);
    };
  }, []);
  return entries;
}
