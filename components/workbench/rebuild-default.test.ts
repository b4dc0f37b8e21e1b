import { describe, expect, it } from 'vitest';
import { lessons } from '@/content/lessons/generated';
import { defaultRebuildPath } from './rebuild-default';

describe('defaultRebuildPath', () => {
  it('picks the app’s main source file of each lesson project', () => {
    const byProject = Object.fromEntries(
      lessons.map((l) => [l.project.name, defaultRebuildPath(l.project.files.map((f) => f.path))]),
    );
    expect(byProject).toEqual({
      'forecast-api': 'app/main.py',
      'orders-api': 'app/main.py',
      'notes-api': 'app/main.py',
      'shop-api': 'src/app.js',
    });
  });
  it('prefers the shallowest entry point and skips dependencies, tests and dot folders', () => {
    expect(
      defaultRebuildPath([
        '.venv/lib/python3.11/site-packages/flask/app.py',
        'node_modules/express/index.js',
        'tests/main.py',
        'pkg/deep/main.py',
        'server.js',
      ]),
    ).toBe('server.js');
  });
  it('falls back to the first file sent, and to nothing for an empty context', () => {
    expect(defaultRebuildPath(['README.md', 'data.csv'])).toBe('README.md');
    expect(defaultRebuildPath([])).toBe('');
  });
});
