'use client';
/**
 * Follows the site's theme (see /tmp/theme-contract.md at the time of writing): `data-theme` or a
 * `dark`/`light` class on <html>, else the system preference.
 */
import { useSyncExternalStore } from 'react';

export type SiteTheme = 'light' | 'dark';

function read(): SiteTheme {
  const root = document.documentElement;
  const attr = root.dataset.theme;
  if (attr === 'dark' || attr === 'light') return attr;
  if (root.classList.contains('dark')) return 'dark';
  if (root.classList.contains('light')) return 'light';
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme', 'class'],
  });
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', onChange);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', onChange);
  };
}

/** The site's current theme; re-renders when it changes. */
export function useSiteTheme(): SiteTheme {
  return useSyncExternalStore(subscribe, read, () => 'light');
}
