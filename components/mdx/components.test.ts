import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AptInstallSize } from './AptInstallSize';
import { BaseImageTable } from './BaseImageTable';
import { Callout } from './Callout';
import { ClaimCheck } from './ClaimCheck';
import { DataFigure, dataFigureBytes } from './DataFigure';
import { GoalLimit, goalLimitBytes } from './GoalLimit';
import { LayerFigure, layerFigureBytes } from './LayerFigure';
import { Size } from './Size';
import { imageRow, measuredSize } from './base-image-data';
import { lessons } from '@/content/lessons/generated';

const html = (element: ReactElement) => renderToStaticMarkup(element);
const bytesOf = (markup: string) => Number(/value="(\d+)"/.exec(markup)?.[1]);

describe('imageRow', () => {
  it('resolves a measured image and refuses an unknown one', () => {
    expect(imageRow('python:3.9-slim').record.uncompressedBytes).toBe(124_780_000);
    expect(() => imageRow('no-such-image:1.0')).toThrow(/not in the size table/);
  });
});

describe('measuredSize', () => {
  it('prints with formatBytes, and marks Gb-rounded or low-confidence sizes', () => {
    expect(measuredSize(imageRow('node:16-alpine').record)).toBe('116 MB');
    expect(measuredSize(imageRow('python:3.11-bookworm').record)).toMatch(/^≈ 1\.01 GB$/);
    expect(measuredSize(imageRow('gcr.io/distroless/python3-debian12').record)).toMatch(
      /^≈ \d+(\.\d)? MB$/,
    );
  });
});

describe('Size', () => {
  it('prints an image’s measured size with the bytes as a machine-readable value', () => {
    const markup = html(createElement(Size, { image: 'alpine:3.15' }));
    expect(markup).toContain('>5.58 MB<');
    expect(bytesOf(markup)).toBe(5_580_000);
  });
  it('prints a byte count in decimal units', () => {
    expect(html(createElement(Size, { bytes: 19_872_227 }))).toContain('>19.9 MB<');
  });
});

describe('AptInstallSize', () => {
  it('sizes the toolchain far above the runtime library it builds against', () => {
    const image = 'python:3.11-slim-bookworm';
    const toolchain = bytesOf(
      html(createElement(AptInstallSize, { image, packages: ['gcc', 'libc6-dev', 'libpq-dev'] })),
    );
    const runtime = bytesOf(html(createElement(AptInstallSize, { image, packages: ['libpq5'] })));
    expect(runtime).toBeGreaterThan(500_000);
    expect(runtime).toBeLessThan(20_000_000);
    expect(toolchain).toBeGreaterThan(10 * runtime);
    expect(toolchain).toBeLessThan(400_000_000);
  });
  it('installing Recommends never makes the closure smaller', () => {
    const props = { image: 'python:3.11-slim-bookworm', packages: ['curl'] };
    const without = bytesOf(html(createElement(AptInstallSize, props)));
    const withRecs = bytesOf(html(createElement(AptInstallSize, { ...props, recommends: true })));
    expect(withRecs).toBeGreaterThanOrEqual(without);
  });
  it('refuses a package the table does not know, and an image without apt', () => {
    expect(() =>
      html(
        createElement(AptInstallSize, {
          image: 'python:3.11-slim-bookworm',
          packages: ['no-such-pkg-x'],
        }),
      ),
    ).toThrow(/lacks/);
    expect(() =>
      html(createElement(AptInstallSize, { image: 'alpine:3.22', packages: ['curl'] })),
    ).toThrow();
  });
});

describe('BaseImageTable', () => {
  it('lists the images in the given order with row headers, the largest bar full width', () => {
    const markup = html(
      createElement(BaseImageTable, {
        refs: ['python:3.11-slim-bookworm', 'python:3.11-bookworm'],
      }),
    );
    expect(markup.indexOf('python:3.11-slim-bookworm')).toBeLessThan(
      markup.indexOf('python:3.11-bookworm<'),
    );
    expect(markup.match(/<th scope="row">/g)).toHaveLength(2);
    expect(markup).toContain('width:100%');
    expect(markup).toContain('role="region"');
    expect(markup).toContain('docker-library/repo-info');
  });
});

describe('BaseImageTable contents', () => {
  it('says what is inside each image, and drops the pull column when nothing was measured', () => {
    const markup = html(
      createElement(BaseImageTable, {
        refs: ['python:3.11-slim-bookworm', 'gcr.io/distroless/python3-debian12'],
      }),
    );
    expect(markup).toContain('glibc · shell · apt');
    expect(markup).toContain('glibc · no shell · no package manager');
    expect(markup).not.toContain('>Pull<');
    const withPull = html(createElement(BaseImageTable, { refs: ['alpine:3.15'] }));
    expect(withPull).toContain('>Pull<');
  });
});

describe('ClaimCheck', () => {
  it('calls a claim within 5 % close and says which way a wrong one is off', () => {
    const markup = html(
      createElement(ClaimCheck, {
        claims: [
          { ref: 'node:16', claimed: '900 MB', claimedMb: 900 },
          { ref: 'python:3.9', claimed: '900 MB', claimedMb: 900 },
        ],
      }),
    );
    expect(markup).toContain('>close<');
    expect(markup).toContain('10 % too low');
  });
});

describe('Callout', () => {
  it('maps each kind to the site’s callout style and names the aside', () => {
    const trap = html(createElement(Callout, { kind: 'trap', children: 'x' }));
    expect(trap).toContain('callout--danger');
    expect(trap).toContain('aria-label="Trap"');
    const tip = html(createElement(Callout, { kind: 'tip', title: 'Pinning', children: 'x' }));
    expect(tip).toContain('callout--info');
    expect(tip).toContain('aria-label="Pinning"');
  });
});

describe('LayerFigure', () => {
  it('prints the bytes the workbench shows for that layer (same analysis, same project)', () => {
    const props = {
      lesson: 'copy-only-needed',
      dockerfile: 'start',
      line: 4,
      kind: 'npm',
    } as const;
    const markup = html(createElement(LayerFigure, props));
    expect(bytesOf(markup)).toBe(layerFigureBytes(props));
    // Dev dependencies make the start's install larger than the solution's --omit=dev one.
    expect(layerFigureBytes(props)).toBeGreaterThan(
      layerFigureBytes({ ...props, dockerfile: 'solution', line: 6 }),
    );
  });
  it('refuses a line without a layer, so a stale figure cannot print', () => {
    expect(() =>
      layerFigureBytes({ lesson: 'copy-only-needed', dockerfile: 'start', line: 1 }),
    ).toThrow(/no layer on line 1/);
  });
});

describe('DataFigure', () => {
  it('prints the size table’s figure with its source, the unpacked lists above the packed ones', () => {
    const unpacked = dataFigureBytes('apt-lists-bookworm-unpacked');
    const markup = html(createElement(DataFigure, { name: 'apt-lists-bookworm-unpacked' }));
    expect(bytesOf(markup)).toBe(unpacked);
    expect(markup).toMatch(/title="[^"]*collected \d{4}-\d\d-\d\d"/);
    // Compressed lists are what the workbench shows for apt-get update.
    const packed = layerFigureBytes({
      lesson: 'combine-run',
      dockerfile: 'start',
      line: 13,
      kind: 'lists',
    });
    expect(unpacked).toBeGreaterThan(2 * packed);
  });
  it('keeps the npm cache measurement apart from the node_modules it came with', () => {
    expect(dataFigureBytes('npm-cache-express')).not.toBe(
      dataFigureBytes('npm-node-modules-express'),
    );
  });
});

describe('GoalLimit', () => {
  it('prints the limit the lesson’s goal checks, and refuses a goal the lesson lacks', () => {
    const markup = html(createElement(GoalLimit, { lesson: 'capstone', goal: 'size-below' }));
    const goal = lessons
      .find((l) => l.slug === 'capstone')!
      .goals.find((g) => g.type === 'size-below');
    expect(goal && 'megabytes' in goal && bytesOf(markup) === goal.megabytes * 1e6).toBe(true);
    expect(() => goalLimitBytes({ lesson: 'base-image', goal: 'context-below' })).toThrow(
      /no context-below goal/,
    );
  });
});
