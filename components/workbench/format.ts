/**
 * Display formatting only: numbers come from the analyzer's Report, never computed here.
 * Units are decimal (1 MB = 1,000,000 bytes), the units `docker images` prints.
 */

/** "0 B", "950 B", "12.4 kB", "412 MB", "1.21 GB": three significant digits at most. */
export function formatBytes(bytes: number): string {
  const abs = Math.abs(bytes);
  const units: [number, string][] = [
    [1e9, 'GB'],
    [1e6, 'MB'],
    [1e3, 'kB'],
  ];
  for (const [size, unit] of units) {
    if (abs >= size) return `${trim(bytes / size)} ${unit}`;
  }
  return `${Math.round(bytes)} B`;
}

function trim(value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return Number(value.toFixed(digits)).toString();
}

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
