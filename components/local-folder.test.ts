import { describe, expect, it } from 'vitest';
import { contextPath, isManifest, localProjectFromFiles, type PickedFile } from './local-folder';

function picked(relativePath: string, size: number, text?: string): PickedFile {
  const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  return { relativePath, name, size, text: text === undefined ? undefined : async () => text };
}

describe('isManifest', () => {
  it.each([
    ['package.json', true],
    ['apps/web/package.json', true],
    ['package-lock.json', true],
    ['requirements.txt', true],
    ['requirements-dev.txt', true],
    ['requirements.prod.txt', true],
    ['src/app.js', false],
    ['.env', false],
    ['yarn.lock', false],
    ['notrequirements.txt', false],
  ])('%s → %s', (path, expected) => {
    expect(isManifest(path)).toBe(expected);
  });
});

describe('contextPath', () => {
  it('drops the picked folder name', () => {
    expect(contextPath('shop/src/index.js', 'index.js')).toBe('src/index.js');
    expect(contextPath('shop/.env', '.env')).toBe('.env');
    expect(contextPath('', 'loose.txt')).toBe('loose.txt');
  });
});

describe('localProjectFromFiles', () => {
  it('reads only manifests and the root Dockerfile, and keeps every size', async () => {
    let secretReads = 0;
    const secret: PickedFile = {
      relativePath: 'shop/.env',
      name: '.env',
      size: 40,
      text: async () => {
        secretReads++;
        return 'TOKEN=1';
      },
    };
    const project = await localProjectFromFiles([
      picked('shop/package.json', 300, '{"name":"shop"}'),
      picked('shop/src/index.js', 1200, 'console.log(1)'),
      picked('shop/Dockerfile', 80, 'FROM node:22\n'),
      secret,
    ]);
    expect(project.name).toBe('shop');
    expect(secretReads).toBe(0);
    expect(project.files.map((f) => f.path)).toEqual([
      '.env',
      'Dockerfile',
      'package.json',
      'src/index.js',
    ]);
    expect(project.files.find((f) => f.path === 'package.json')?.content).toBe('{"name":"shop"}');
    expect(project.files.find((f) => f.path === 'src/index.js')?.content).toBeUndefined();
    expect(project.dockerfile).toBe('FROM node:22\n');
    expect(project.files.reduce((sum, f) => sum + f.sizeBytes, 0)).toBe(1620);
  });

  it('caps the file count and says it did', async () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      picked(`big/node_modules/m${i}/index.js`, 10),
    );
    const project = await localProjectFromFiles(many, 25);
    expect(project.files).toHaveLength(25);
    expect(project.totalFiles).toBe(30);
    expect(project.isTruncated).toBe(true);
  });

  it('keeps a manifest it cannot read, unread', async () => {
    const broken: PickedFile = {
      relativePath: 'x/package.json',
      name: 'package.json',
      size: 10,
      text: () => Promise.reject(new Error('NotReadableError')),
    };
    const project = await localProjectFromFiles([broken]);
    expect(project.files).toEqual([{ path: 'package.json', sizeBytes: 10 }]);
  });
});
