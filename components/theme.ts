import { PROGRESS_KEY, type Theme } from '@/lib/progress';

/** The theme actually shown: 'system' resolved through the media query. */
export type ResolvedTheme = 'light' | 'dark';

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
