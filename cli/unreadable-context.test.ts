import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// An unreadable folder in the context (root can read every folder, so the walk is stubbed).
vi.mock('./read-context', async (original) => {
  const real = await original<typeof import('./read-context')>();
  return {
    ...real,
    readContext: (_root: string, unreadable: string[] = []) => {
      unreadable.push('secret/locked');
      return { context: { files: [{ path: 'app.py', sizeBytes: 10 }] }, warnings: [] };
    },
  };
});

const { run } = await import('./main');

function project(dockerignore: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-ctx-'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine\nCOPY app.py /app/\n');
  writeFileSync(join(dir, '.dockerignore'), dockerignore);
  return join(dir, 'Dockerfile');
}

describe('run', () => {
  it('skips an invalid .dockerignore line and honours the others for unreadable entries', () => {
    const r = run([project('[\nsecret\n')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('exits 2 with one line when an unreadable entry is sent, even with a `[` line', () => {
    const r = run([project('[\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^layerlab: cannot read secret\/locked in the build context .*\n$/);
  });
});
