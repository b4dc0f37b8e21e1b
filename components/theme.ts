/**
 * The site's one theme module: the inline <head> script, applying a choice, and following the
 * theme in components (the workbench's editors and diffs).
 */
// A namespace import: app/layout.tsx (a server component) imports themeScript from here, and only
// client components call useSiteTheme.
import * as React from 'react';
import { PROGRESS_KEY, type Theme } from '@/lib/progress';

/** The theme actually shown: 'system' resolved through the media query. */
export type ResolvedTheme = 'light' | 'dark';
/** The site's current theme, as components follow it. */
export type SiteTheme = ResolvedTheme;

/**
 * Runs in <head> before the first paint, so a dark-theme visitor never sees a white flash.
 * It reads the theme straight from stored progress (same key and field as lib/progress) and sets
 * `data-theme` on <html>; components (and the workbench's Monaco theme) follow that attribute.
 */
export const themeScript = `(function(){var t='system';try{var p=JSON.parse(localStorage.getItem(${JSON.stringify(PROGRESS_KEY)})||'null');if(p&&(p.theme==='light'||p.theme==='dark'||p.theme==='system'))t=p.theme;}catch(_){}try{var d=t==='dark'||(t==='system'&&window.matchMedia('(prefers-color-scheme: dark)').matches);var e=document.documentElement;e.setAttribute('data-theme',d?'dark':'light');e.style.colorScheme=d?'dark':'light';}catch(_){}})();`;

/** Resolves a theme choice against the system preference. */
export function resolveTheme(theme: Theme | undefined): ResolvedTheme {
  if (theme === 'light' || theme === 'dark') return theme;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Sets the resolved theme on <html> (the attribute the CSS tokens key on). */
export function applyTheme(theme: Theme | undefined): void {
  const resolved = resolveTheme(theme);
  const root = document.documentElement;
  if (root.getAttribute('data-theme') !== resolved) root.setAttribute('data-theme', resolved);
  root.style.colorScheme = resolved;
}

/** The theme on <html>: `data-theme`, else a `dark`/`light` class, else the system preference. */
function readSiteTheme(): SiteTheme {
  const root = document.documentElement;
  const attr = root.dataset.theme;
  if (attr === 'dark' || attr === 'light') return attr;
  if (root.classList.contains('dark')) return 'dark';
  if (root.classList.contains('light')) return 'light';
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function subscribeSiteTheme(onChange: () => void): () => void {
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
  return React.useSyncExternalStore(subscribeSiteTheme, readSiteTheme, () => 'light');
}
