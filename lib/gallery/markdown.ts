import { formatBytes } from '../format';

export interface MarkdownShare {
  /** Lesson title, or undefined for a playground Dockerfile. */
  title?: string;
  /** Estimated size of the lesson's starting Dockerfile; undefined when unknown. */
  beforeBytes?: number;
  /** Estimated size of this solution. */
  afterBytes: number;
  score?: number;
  /** The link the line points at (a short link, or a fragment link). */
  url: string;
}

/** Escapes the characters that would end or restyle Markdown link text. */
function escapeLinkText(text: string): string {
  return text.replace(/[\\[\]*_`<>]/g, (char) => `\\${char}`).replace(/\s+/g, ' ');
}

/**
 * One Markdown line for a chat or a pull request, e.g.
 * `[Layerlab · Pick a smaller base: 1.38 GB → 495 MB (−64%), score 92](https://…/s/ID)`.
 * Without a known "before" (or when the size did not drop) only the size is given.
 */
export function shareMarkdown(share: MarkdownShare): string {
  const parts: string[] = [];
  const { beforeBytes, afterBytes } = share;
  if (beforeBytes !== undefined && beforeBytes > 0 && Number.isFinite(beforeBytes)) {
    const change = Math.round((1 - afterBytes / beforeBytes) * 100);
    const percent = change > 0 ? ` (−${change}%)` : change < 0 ? ` (+${-change}%)` : '';
    parts.push(`${formatBytes(beforeBytes)} → ${formatBytes(afterBytes)}${percent}`);
  } else {
    parts.push(formatBytes(afterBytes));
  }
  if (share.score !== undefined) parts.push(`score ${Math.round(share.score)}`);
  const label = `Layerlab · ${share.title ?? 'Dockerfile'}: ${parts.join(', ')}`;
  // A URL with spaces or parentheses would end the link early: percent-encode those.
  const url = share.url.replace(
    /[\s()]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `[${escapeLinkText(label)}](${url})`;
}
