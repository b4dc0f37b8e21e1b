import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from '@mdx-js/mdx';
import { createElement } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { useMDXComponents } from '@/mdx-components';
import { lessonFolders, lessons } from './generated';

async function render(slug: string): Promise<string> {
  const source = readFileSync(join(__dirname, lessonFolders[slug], 'index.mdx'), 'utf8');
  const { default: Content } = await evaluate(source, { ...runtime, useMDXComponents });
  return renderToStaticMarkup(createElement(Content));
}

describe.each(lessons.map((l) => [l.slug] as const))('prose of %s', (slug) => {
  it('renders on the server with its components, tables have header cells', async () => {
    const html = await render(slug);
    expect(html).toContain('<h2');
    const tables = html.match(/<table[\s\S]*?<\/table>/g) ?? [];
    for (const table of tables) expect(table).toMatch(/<th[^>]*scope="col"|<thead>/);
    // Every lesson ends by handing over to the learner.
    expect(html).toMatch(/<section[^>]*aria-label="(Your turn|The capstone)"/);
    // Markdown that MDX does not support (GFM tables) would show up as raw pipes.
    expect(html).not.toMatch(/^\|.*\|$/m);
  });
});

describe('measured-size components', () => {
  it('print the measured figures with their source', async () => {
    const html = await render('base-image');
    expect(html).toContain('125 MB');
    expect(html).toContain('docker-library/repo-info');
    expect(html).toContain('2026-11-27');
    // The article's "~194MB" for python:3.9-slim against the measured 124.78 MB.
    expect(html).toMatch(/~194 MB<\/td><td[^>]*>125 MB<\/td><td[^>]*>55 % too high/);
  });
});
