/**
 * The one byte formatter: every size the site, the CLI and the analyzer's messages print goes
 * through `formatBytes`.
 *
 * Rules (the same as `docker images`, so a learner's numbers read like Docker's own):
 * - Decimal units: 1 kB = 1,000 B, 1 MB = 1,000,000 B, then GB, TB, PB, EB. docker/cli prints an
 *   image's size with `units.HumanSizeWithPrecision(size, 3)`
 *   (https://github.com/docker/cli/blob/master/cli/command/formatter/image.go, `imageContext.Size`),
 *   and docker/go-units divides by 1000 with the units "B", "kB", "MB", "GB", "TB", …
 *   (https://github.com/docker/go-units/blob/master/size.go).
 * - Three significant digits, trailing zeros dropped (Go's `%.3g`): "1.23 MB", "12.4 MB",
 *   "124 MB", "1 GB", "1.5 GB".
 * - Below 1 kB, whole bytes: "0 B", "999 B" (a fraction of a byte is rounded first).
 * - The unit is chosen after rounding, so 999,999 B is "1 MB", never "1000 kB" (go-units would
 *   print "1e+03kB" there; this is the one place we differ on purpose).
 * - A space between number and unit ("74.8 MB"; Docker writes "74.8MB").
 * - Negative values (savings, differences) keep an ASCII minus: "-20 MB". A value that rounds to
 *   zero is "0 B", never "-0 B".
 * - NaN and ±Infinity are "? B": a bad number never throws and never prints "NaN".
 */

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'] as const;

/** `bytes` for people: "0 B", "950 B", "12.4 kB", "1 MB", "412 MB", "1.21 GB", "-20 MB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '? B';
  const whole = Math.round(Math.abs(bytes));
  if (whole === 0) return '0 B';
  const sign = bytes < 0 ? '-' : '';
  if (whole < 1_000) return `${sign}${whole} B`;
  let unit = 0;
  let value = whole;
  while (value >= 1_000 && unit < UNITS.length - 1) {
    value /= 1_000;
    unit++;
  }
  let shown = Number(value.toPrecision(3));
  if (shown >= 1_000 && unit < UNITS.length - 1) {
    // 999.95 kB rounds to 1000: say 1 MB instead.
    value /= 1_000;
    unit++;
    shown = Number(value.toPrecision(3));
  }
  return `${sign}${shown} ${UNITS[unit]}`;
}

/** Megabytes (decimal) to whole bytes: `megabytes(1.5)` is 1,500,000. */
export function megabytes(mb: number): number {
  return Math.round(mb * 1_000_000);
}
