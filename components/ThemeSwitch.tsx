'use client';

import { useEffect } from 'react';
import { setTheme, type Theme } from '@/lib/progress';
import { applyTheme } from './theme';
import { useProgress } from './useProgress';

const CHOICES: { value: Theme; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'system', label: 'System' },
];

/** Light / dark / system switch; also keeps <html data-theme> in step with progress and the OS. */
export function ThemeSwitch() {
  const { progress, update } = useProgress();
  const theme = progress?.theme ?? 'system';

  useEffect(() => {
    if (!progress) return;
    applyTheme(theme);
    if (theme !== 'system') return;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => applyTheme('system');
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, [progress, theme]);

  return (
    <div className="theme-switch" role="group" aria-label="Theme">
      {CHOICES.map((choice) => (
        <button
          key={choice.value}
          type="button"
          data-label={choice.label}
          aria-pressed={progress ? theme === choice.value : undefined}
          onClick={() => update((p) => setTheme(p, choice.value))}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
