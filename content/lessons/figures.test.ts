import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from '@mdx-js/mdx';
import { createElement } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { analyze } from '@/lib/analyzer';
import { formatBytes } from '@/lib/format';
import { projectContext } from '@/lib/lessons/types';
import { AptInstallSize } from '@/components/mdx/AptInstallSize';
import { useMDXComponents } from '@/mdx-components';
import { lessonFolders, lessons } from './generated';

/**
 * Sizes and percentages typed into lesson prose by hand. Every other figure in the prose comes from
 * a component that computes it from the data and model the workbench uses (LayerFigure,
 * AptInstallSize, DataFigure, GoalLimit, Size with an image, the tables), so the two cannot
 * disagree. A figure here is about something the workbench does not show, and says whose it is.
 */
const ALLOWED: Record<string, { figure: string; reason: string }[]> = {
  'base-image': [
    ...['72 MB', '900 MB', '900 MB', '5 MB', '120 MB', '~194 MB'].map((figure) => ({
      figure,
      reason: 'the article’s claim, printed next to the measured size it is corrected by',
    })),
    { figure: '194 MB', reason: 'the article’s claim, quoted to be corrected' },
  ],
  'copy-only-needed': [
    { figure: '44635865 bytes', reason: 'a real npm install, measured, next to the estimate' },
    { figure: '4825933 bytes', reason: 'a real npm ci --omit=dev, measured, next to the estimate' },
  ],
};

const FIGURE = /~?\d+(?:[.,]\d+)? ?(?:B|kB|KB|MB|MiB|GB|GiB|%)(?![\w])|\bbytes=\{(\d[\d_]*)\}/g;

/** Hand-typed figures of an MDX source: prose and component props, not code blocks. */
export function handTypedFigures(source: string): string[] {
  const prose = source.replace(/^```[\s\S]*?^```/gm, '');
  return [...prose.matchAll(FIGURE)].map((m) =>
    m[1] !== undefined ? `${m[1].replace(/_/g, '')} bytes` : m[0],
  );
}

const sourceOf = (slug: string) =>
  readFileSync(join(__dirname, lessonFolders[slug], 'index.mdx'), 'utf8');

async function render(slug: string): Promise<string> {
  const { default: Content } = await evaluate(sourceOf(slug), { ...runtime, useMDXComponents });
  return renderToStaticMarkup(createElement(Content));
}

describe('handTypedFigures', () => {
  it('finds sizes, percentages and literal byte props, and skips code blocks', () => {
    const mdx =
      'It adds 198 MB, about 2.5 MiB or 63 %.\n<Size bytes={19_872_227} />\n```sh\nRUN x # 9 MB\n```\n';
    expect(handTypedFigures(mdx)).toEqual(['198 MB', '2.5 MiB', '63 %', '19872227 bytes']);
  });
  it('finds nothing in component-computed figures', () => {
    expect(
      handTypedFigures('at <LayerFigure lesson="x" dockerfile="start" line={13} kind="lists" />'),
    ).toEqual([]);
  });
});

describe.each(lessons.map((l) => [l.slug] as const))('figures in the prose of %s', (slug) => {
  it('come from components, or are allow-listed with a reason', () => {
    const allowed = (ALLOWED[slug] ?? []).map((a) => a.figure).sort();
    expect(handTypedFigures(sourceOf(slug)).sort()).toEqual(allowed);
  });

  it('stay inside their sentence (no component figure becomes a paragraph of its own)', async () => {
    const html = await render(slug);
    expect(html).not.toMatch(/<\/(p|ul|ol|h2|h3|div|section)>\s*<data\b/);
    expect(html).not.toMatch(/<\/data>\s*<(p|ul|ol|h2|h3|div|section)\b/);
  });
});

describe('the prose and the workbench’s findings print the same figure', () => {
  // Each lesson's prose names a cache the starting Dockerfile's finding also sizes.
  it.each([
    ['combine-run', 'apt-lists-not-removed', true],
    ['remove-package-managers', 'apk-cache-kept', true],
    ['remove-package-managers', 'pip-cache-kept', false],
    ['copy-only-needed', 'npm-cache-kept', false],
  ])('%s: %s (named in the prose: %s)', async (slug, rule, inProse) => {
    const lesson = lessons.find((l) => l.slug === slug)!;
    const report = analyze({
      dockerfile: lesson.startDockerfile,
      dockerignore: lesson.startDockerignore ?? '',
      context: projectContext(lesson.project),
    });
    const finding = report.findings.find((f) => f.rule === rule);
    const inMessage = finding?.message.match(/\d+(?:\.\d+)? (?:kB|MB|GB)/)?.[0];
    expect(inMessage).toBeDefined();
    const layer = report.layers.find((l) => l.line === finding!.range.start.line);
    const cache = layer?.items.filter((i) => i.kind === 'cache' || i.kind === 'lists');
    // The finding prints the bytes the layer chart shows for the cache, in the same format.
    expect(cache?.map((i) => formatBytes(i.bytes))).toContain(inMessage);
    if (inProse) expect(await render(slug)).toContain(`>${inMessage}</data>`);
  });
});

describe('lesson 2: the toolchain figure is one number in finding, chart and prose', () => {
  const lesson = lessons.find((l) => l.slug === 'multi-stage')!;
  const report = analyze({
    dockerfile: lesson.startDockerfile,
    dockerignore: lesson.startDockerignore ?? '',
    context: projectContext(lesson.project),
  });
  const finding = report.findings.find((f) => f.rule === 'build-tools-in-final');
  // The finding points at the install command inside the RUN; the layer starts at the RUN.
  const layer = report.layers.findLast((l) => l.line <= (finding?.range.start.line ?? -1));

  it('the finding saves what the layer chart shows for the RUN it points at', async () => {
    expect(layer).toBeDefined();
    // The RUN installs only the toolchain, so moving it to a build stage takes the whole layer.
    expect(finding?.savingsBytes).toBe(layer!.sizeBytes);
    const figure = formatBytes(layer!.sizeBytes);
    expect(finding?.message).toContain(` ${figure} of this layer`);
    expect(await render('multi-stage')).toContain(`>${figure}</data>`);
  });

  it('AptInstallSize prints the bytes the layer breakdown gives the same install', () => {
    const install = layer!.items.find((i) => i.label.startsWith('apt-get install gcc'));
    const html = renderToStaticMarkup(
      createElement(AptInstallSize, {
        image: 'python:3.11-slim-bookworm',
        packages: ['gcc', 'libc6-dev', 'libpq-dev'],
      }),
    );
    expect(install).toBeDefined();
    expect(html).toContain(`value="${install!.bytes}"`);
    expect(html).toContain(`>${formatBytes(install!.bytes)}</data>`);
  });
});
