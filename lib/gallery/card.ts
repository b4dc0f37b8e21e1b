import { formatBytes } from '../format';

export interface CardData {
  /** Lesson title, or undefined for a playground Dockerfile. */
  title?: string;
  /** "Lesson 1", or "Playground". */
  label: string;
  beforeBytes?: number;
  afterBytes: number;
  score: number;
  /** The short-link ID, printed small at the bottom. */
  id: string;
}

/** Escapes text for an SVG text node or attribute. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (char) =>
      ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[char] ?? char,
  );
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export const CARD_WIDTH = 600;
export const CARD_HEIGHT = 315;

/**
 * A 600×315 SVG card (the 1.91:1 shape chat previews use): the lesson, before → after size and
 * the score. Self-contained (system fonts, no external reference), every text escaped.
 */
export function cardSvg(card: CardData): string {
  const hasDrop =
    card.beforeBytes !== undefined && card.beforeBytes > 0 && card.beforeBytes > card.afterBytes;
  const sizeLine = hasDrop
    ? `${formatBytes(card.beforeBytes as number)} → ${formatBytes(card.afterBytes)}`
    : formatBytes(card.afterBytes);
  const drop = hasDrop
    ? `${Math.round((1 - card.afterBytes / (card.beforeBytes as number)) * 100)}% smaller`
    : 'estimated image size';
  const title = escapeXml(clip(card.title ?? 'A shared Dockerfile', 44));
  const font = 'font-family="system-ui, -apple-system, \'Segoe UI\', Roboto, sans-serif"';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" role="img" aria-label="${escapeXml(`${card.title ?? 'Dockerfile'}: ${sizeLine}, score ${card.score}`)}">`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" rx="16" fill="#0f172a"/>`,
    `<text x="32" y="52" ${font} font-size="18" fill="#94a3b8">Layerlab · ${escapeXml(card.label)}</text>`,
    `<text x="32" y="92" ${font} font-size="28" font-weight="700" fill="#f8fafc">${title}</text>`,
    `<text x="32" y="170" ${font} font-size="44" font-weight="700" fill="#5eead4">${escapeXml(sizeLine)}</text>`,
    `<text x="32" y="206" ${font} font-size="20" fill="#cbd5e1">${escapeXml(drop)}</text>`,
    `<text x="32" y="276" ${font} font-size="22" font-weight="600" fill="#f8fafc">Score ${Math.round(card.score)}/100</text>`,
    `<text x="568" y="276" ${font} font-size="14" fill="#94a3b8" text-anchor="end">/s/${escapeXml(card.id)}</text>`,
    `</svg>`,
  ].join('\n');
}
