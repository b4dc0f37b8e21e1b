import { describe, expect, it } from 'vitest';
import { PROGRESS_KEY } from '@/lib/progress';
import { themeScript } from './theme';

/** Runs the inline <head> script against a fake page; returns the data-theme it set. */
function runThemeScript(stored: string | null, prefersDark: boolean): string | undefined {
  const attributes: Record<string, string> = {};
  const documentElement = {
    setAttribute: (k: string, v: string) => (attributes[k] = v),
    style: {} as Record<string, string>,
  };
  const fakeWindow = {
    matchMedia: (query: string) => ({ matches: prefersDark && query.includes('dark') }),
  };
  const fakeStorage = { getItem: (key: string) => (key === PROGRESS_KEY ? stored : null) };
  new Function('window', 'document', 'localStorage', themeScript)(
    fakeWindow,
    { documentElement },
    fakeStorage,
  );
  return attributes['data-theme'];
}

describe('themeScript', () => {
  it('follows the system when nothing is stored', () => {
    expect(runThemeScript(null, true)).toBe('dark');
    expect(runThemeScript(null, false)).toBe('light');
  });

  it('applies the stored choice over the system preference', () => {
    expect(runThemeScript(JSON.stringify({ version: 1, theme: 'light' }), true)).toBe('light');
    expect(runThemeScript(JSON.stringify({ version: 1, theme: 'dark' }), false)).toBe('dark');
    expect(runThemeScript(JSON.stringify({ version: 1, theme: 'system' }), true)).toBe('dark');
  });

  it('falls back to the system on damaged or foreign data instead of throwing', () => {
    expect(runThemeScript('{broken', true)).toBe('dark');
    expect(runThemeScript(JSON.stringify({ theme: 'purple' }), false)).toBe('light');
    expect(runThemeScript('null', false)).toBe('light');
  });
});
