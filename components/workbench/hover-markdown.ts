/**
 * dockerfile-language-service answers a hover over an ARG or ENV variable with the variable's
 * value as a plain string, which LSP (and Monaco) read as Markdown: a shared Dockerfile could
 * then put a clickable link to any host, an image or formatting into a hover. Values from the
 * user's text are escaped so they show exactly as written; the library's own documentation
 * (MarkupContent of kind markdown: keyword help) stays Markdown.
 */

/** Hover contents as the language service returns them (LSP MarkedString / MarkupContent). */
export type HoverContents =
  | string
  | { language: string; value: string }
  | { kind: string; value: string }
  | (string | { language: string; value: string })[];

/**
 * `text` as Markdown that renders to exactly `text`: every ASCII punctuation character is
 * backslash-escaped (CommonMark allows escaping any of them, and only those), so no link,
 * image, emphasis, code span, HTML or autolink can form; line breaks become hard breaks.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&').replace(/\r\n?|\n/g, '\\\n');
}

/**
 * One Markdown text for a hover: strings (the service's variable values, user text) escaped,
 * code blocks fenced by a fence longer than any backtick run inside them, documentation as is.
 */
export function hoverMarkdown(contents: HoverContents): string {
  const parts = Array.isArray(contents) ? contents : [contents];
  return parts
    .map((part) => {
      if (typeof part === 'string') return escapeMarkdown(part);
      if ('language' in part) return fenced(part.language, part.value);
      return part.kind === 'markdown' ? part.value : escapeMarkdown(part.value);
    })
    .join('\n\n');
}

function fenced(language: string, code: string): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${/^[\w+-]*$/.test(language) ? language : ''}\n${code}\n${fence}`;
}
