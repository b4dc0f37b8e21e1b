import { formatBytes } from '@/lib/format';
import type { BaseImageRecord } from '@/lib/sizes';
import { SIZE_CITATION, imageRow, measuredSize } from './base-image-data';
import styles from './mdx.module.css';
import { ScrollTable } from './ScrollTable';

export interface BaseImageTableProps {
  /** Image references as a Dockerfile would name them. */
  refs: string[];
  /** Table caption before the citation. */
  caption?: string;
}

/** "glibc · shell · apt" / "glibc · no shell · no package manager". */
function contents(record: BaseImageRecord): string {
  const libc = record.libc === 'none' ? 'no libc' : record.libc;
  const shell = record.hasShell ? 'shell' : 'no shell';
  const pm = record.packageManager === 'none' ? 'no package manager' : record.packageManager;
  return `${libc} · ${shell} · ${pm}`;
}

/** Measured sizes of some base images side by side, with a proportional bar and the source. */
export function BaseImageTable({ refs, caption }: BaseImageTableProps) {
  const rows = refs.map(imageRow);
  const largest = Math.max(...rows.map((r) => r.record.uncompressedBytes), 1);
  // Pull sizes were measured for a few tutorial-era images only: no column of dashes.
  const hasPull = rows.some((r) => r.record.compressedBytes);
  return (
    <ScrollTable label="Base image sizes">
      <table className={styles.table}>
        <caption>
          {caption ? `${caption} ` : ''}Uncompressed size as <code>docker images</code> shows it
          {hasPull ? '; pull size where measured' : ''}. Source: {SIZE_CITATION}.
          {rows.some((r) => r.record.confidence === 'low')
            ? ' Distroless figures are not from repo-info: sizes users reported in GitHub issues, or estimates (marked ≈).'
            : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Image</th>
            <th scope="col" className={styles.num}>
              Size
            </th>
            <th scope="col" className={styles.barCell}>
              <span className="visually-hidden">Relative size</span>
            </th>
            {hasPull ? (
              <th scope="col" className={styles.num}>
                Pull
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ ref, record, isExact }) => (
            <tr key={ref}>
              <th scope="row">
                <code>{ref}</code>
                {!isExact ? (
                  <span className={styles.estimate}> (measured as {record.ref})</span>
                ) : null}
                <span className={styles.inside}>{contents(record)}</span>
              </th>
              <td className={styles.num}>{measuredSize(record)}</td>
              <td className={styles.barCell} aria-hidden="true">
                <span
                  className={styles.bar}
                  style={{ width: `${Math.max(0.5, (100 * record.uncompressedBytes) / largest)}%` }}
                />
              </td>
              {hasPull ? (
                <td className={styles.num}>
                  {record.compressedBytes ? formatBytes(record.compressedBytes) : '—'}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
