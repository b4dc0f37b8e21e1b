import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  EOL_INPUT,
  INPUT as TAGS_INPUT,
  render as renderBaseIndex,
  renderEol,
  renderThirdParty,
  TAG_SIZES_INPUT,
  THIRD_PARTY_INPUT,
} from '../../scripts/gen-base-index';
import {
  APT_TABLE,
  INPUT as BASE_IMAGES_INPUT,
  REPO_INFO_SIZES,
  render as renderBaseImages,
} from '../../scripts/gen-base-images';
import { INPUT as PACKAGE_SIZES_INPUT, render as renderApkPip } from '../../scripts/gen-apk-pip';
import { encodeLines, type NpmBuildTable } from '../../scripts/gen-npm';
import { decodeNpmLines } from './npm';

const root = fileURLToPath(new URL('../../', import.meta.url));
const generated = (file: string) => readFileSync(`${root}lib/sizes/generated/${file}`, 'utf8');
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('generated tables', () => {
  it.each(['apt.json', 'npm.json'])(
    '%s records when and from what it was generated (the archives move daily)',
    (file) => {
      const table = JSON.parse(generated(file));
      expect(table.generatedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(table.source).toBeTruthy();
      expect(table.generatedBy).toMatch(/^scripts\/gen-/);
    },
  );

  it('gen-base-images.ts reproduces the committed base-images.json from data/', () => {
    expect(renderBaseImages(json(BASE_IMAGES_INPUT), json(APT_TABLE), json(REPO_INFO_SIZES))).toBe(
      generated('base-images.json'),
    );
  });

  it('gen-apk-pip.ts reproduces the committed apk-pip.json from data/', () => {
    expect(renderApkPip(json(PACKAGE_SIZES_INPUT))).toBe(generated('apk-pip.json'));
  });

  it('gen-base-index.ts reproduces the committed base-index.json from data/', () => {
    const tags = JSON.parse(readFileSync(TAGS_INPUT, 'utf8'));
    expect(renderBaseIndex(tags, json(TAG_SIZES_INPUT))).toBe(generated('base-index.json'));
  });

  it('gen-base-index.ts reproduces the committed eol-dates.json from data/', () => {
    expect(renderEol(JSON.parse(readFileSync(EOL_INPUT, 'utf8')))).toBe(
      generated('eol-dates.json'),
    );
  });

  it('gen-base-index.ts reproduces the committed third-party-images.json from data/', () => {
    expect(
      renderThirdParty(JSON.parse(readFileSync(THIRD_PARTY_INPUT, 'utf8')), json(TAG_SIZES_INPUT)),
    ).toBe(generated('third-party-images.json'));
  });

  it("gen-npm.ts's encoder and lib/sizes' decoder agree: the committed lines re-encode unchanged", () => {
    const { lines } = JSON.parse(generated('npm.json')) as { lines: string };
    const table: NpmBuildTable = {};
    for (const [name, versions] of decodeNpmLines(lines)) {
      table[name] = {};
      for (const v of versions) {
        table[name][v.version] = {
          deps: Object.fromEntries(v.depRanges),
          ...(v.optional.length ? { optionalDeps: Object.fromEntries(v.optional) } : {}),
          ...(v.peers.length ? { peerDeps: Object.fromEntries(v.peers) } : {}),
          ...(v.os.length ? { os: v.os } : {}),
          ...(v.cpu.length ? { cpu: v.cpu } : {}),
          ...(v.libc.length ? { libc: v.libc } : {}),
          unpackedBytes: v.unpackedBytes,
        };
      }
    }
    expect(lines.split('\n').length).toBeGreaterThan(1000);
    expect(encodeLines(table)).toBe(lines);
  });
});
