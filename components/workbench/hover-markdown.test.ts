import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { marked } from 'marked';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import { escapeMarkdown, hoverMarkdown, type HoverContents } from './hover-markdown';

/** What a reader sees: Markdown rendered the way Monaco's hover renders it (marked, GFM). */
function render(markdown: string): string {
  return marked.parse(markdown, { async: false, gfm: true });
}

/** The text of rendered HTML, entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<br>\n?/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

const service = DockerfileLanguageServiceFactory.createLanguageService();
service.setCapabilities({ hover: { contentFormat: ['markdown'] } });

function hoverAt(text: string, line: number, character: number): string | undefined {
  const hover = service.computeHover(text, { line, character });
  return hover ? hoverMarkdown(hover.contents as HoverContents) : undefined;
}

describe('hoverMarkdown', () => {
  it('shows an ARG value with a link as plain text, not a link to another host', () => {
    const dockerfile = 'FROM alpine\nARG SITE=[x](http://evil)\nRUN echo $SITE\n';
    const markdown = hoverAt(dockerfile, 2, 11);
    expect(markdown).toBeDefined();
    const html = render(markdown ?? '');
    expect(html).not.toMatch(/<a\b/);
    expect(textOf(html)).toBe('[x](http://evil)');
  });

  it('shows an ENV value with images, HTML, autolinks and emphasis as written', () => {
    const value =
      '**b** <img src=x onerror=alert(1)> ![i](http://evil/i.png) http://evil.example www.evil.example <http://evil>';
    const dockerfile = `FROM alpine\nENV NOTE="${value}"\nRUN echo \${NOTE}\n`;
    const html = render(hoverAt(dockerfile, 2, 12) ?? '');
    expect(html).not.toMatch(/<(a|img|strong|em)\b/);
    expect(textOf(html)).toBe(value);
  });

  it('keeps the library’s own keyword documentation as Markdown', () => {
    const markdown = hoverAt('FROM alpine\n', 0, 1) ?? '';
    expect(render(markdown)).toMatch(/<code>/);
  });
});

describe('escapeMarkdown', () => {
  it('renders to exactly the text for any printable ASCII text', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'[]()<>!*_`#~|\\/:.-+=&;ahttpw 1'.split('')),
          maxLength: 60,
        }),
        (text) => {
          const html = render(escapeMarkdown(text));
          expect(html).not.toMatch(/<(a|img|strong|em|code|del|h\d|ul|ol|table|blockquote)\b/);
          // Whitespace at the ends of a paragraph is not shown by Markdown; the rest must match.
          expect(textOf(html)).toBe(text.trim().replace(/ +\n/g, '\n'));
        },
      ),
      { numRuns: 500 },
    );
  });
});
