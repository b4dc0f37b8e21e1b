/**
 * Display formatting only: numbers come from the analyzer's Report, never computed here.
 * Units are decimal (1 MB = 1,000,000 bytes), the units `docker images` prints.
 */
import { formatBytes } from '@/lib/lessons';

/**
 * Bytes as the lesson prose and the findings print them (lib/lessons' formatBytes), so the layer
 * chart, the savings and the prose show one figure for one thing: "3.7 MB" everywhere, not
 * "3.72 MB" in the chart beside "3.7 MB" in the text.
 */
export { formatBytes };

/** Change from `start` to `now` for display: "▼ 612 MB, −84 %", "▲ 3 MB, +1 %" or "no change". */
export function formatChange(
  startBytes: number,
  nowBytes: number,
): {
  text: string;
  direction: 'down' | 'up' | 'same';
  label: string;
} {
  const delta = nowBytes - startBytes;
  if (Math.abs(delta) < 500) return { text: 'Same as the start', direction: 'same', label: '' };
  const percent = startBytes > 0 ? Math.round((Math.abs(delta) / startBytes) * 100) : undefined;
  const pct = percent === undefined ? '' : `, ${delta < 0 ? '−' : '+'}${percent} %`;
  const size = formatBytes(Math.abs(delta));
  return delta < 0
    ? {
        text: `▼ ${size}${pct}`,
        direction: 'down',
        label: `${size} smaller than the start${percent === undefined ? '' : ` (${percent} % less)`}`,
      }
    : {
        text: `▲ ${size}${pct}`,
        direction: 'up',
        label: `${size} larger than the start${percent === undefined ? '' : ` (${percent} % more)`}`,
      };
}
