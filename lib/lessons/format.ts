/**
 * Byte formatting for lesson text and goal details. Decimal units (1 MB = 10^6 bytes), the same
 * units as the measured data (repo-info prints decimal "Mb"; see shared/data/BASE-IMAGES.md).
 */

/**
 * "74.8 MB", "125 MB", "1.13 GB", "740 kB", "0 B". Whole bytes below 1 kB, whole kB below 1 MB,
 * one decimal below 100 MB, none from 100 MB to 1 GB, two decimals (trailing zeros dropped) from
 * 1 GB. The unit is chosen after rounding, so 999,999 bytes is "1 MB", not "1000 kB". Negative
 * values keep their sign ("-20 MB").
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '? MB';
  const sign = bytes < 0 ? '-' : '';
  const abs = Math.abs(bytes);
  if (Math.round(abs) < 1_000) return `${sign}${Math.round(abs)} B`;
  if (Math.round(abs / 1_000) < 1_000) return `${sign}${Math.round(abs / 1_000)} kB`;
  const mb = abs / 1_000_000;
  if (mb < 100 && Number(mb.toFixed(1)) < 100) return `${sign}${trim(mb.toFixed(1))} MB`;
  if (Math.round(mb) < 1_000) return `${sign}${Math.round(mb)} MB`;
  return `${sign}${trim((abs / 1_000_000_000).toFixed(2))} GB`;
}

/** Megabytes (decimal) to bytes. */
export function megabytes(mb: number): number {
  return Math.round(mb * 1_000_000);
}

function trim(fixed: string): string {
  return fixed.replace(/\.0+$/, '').replace(/(\.\d*?)0+$/, '$1');
}
