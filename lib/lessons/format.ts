/**
 * Byte formatting for lesson text and goal details. Decimal units (1 MB = 10^6 bytes), the same
 * units as the measured data (repo-info prints decimal "Mb"; see shared/data/BASE-IMAGES.md).
 */

/**
 * "124.8 MB", "1.13 GB", "740 kB", "0 B". One decimal below 100 MB, none above; negative values
 * keep their sign ("-20 MB").
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '? MB';
  const sign = bytes < 0 ? '-' : '';
  const abs = Math.abs(bytes);
  if (abs < 1_000) return `${sign}${Math.round(abs)} B`;
  if (abs < 1_000_000) return `${sign}${Math.round(abs / 1_000)} kB`;
  if (abs < 1_000_000_000) {
    const mb = abs / 1_000_000;
    return `${sign}${mb < 100 ? trim(mb.toFixed(1)) : Math.round(mb)} MB`;
  }
  return `${sign}${trim((abs / 1_000_000_000).toFixed(2))} GB`;
}

/** Megabytes (decimal) to bytes. */
export function megabytes(mb: number): number {
  return Math.round(mb * 1_000_000);
}

function trim(fixed: string): string {
  return fixed.replace(/\.0+$/, '').replace(/(\.\d*?)0+$/, '$1');
}
