import { SIZE_CITATION, imageRow, measuredSize } from './base-image-data';
import styles from './mdx.module.css';
import { ScrollTable } from './ScrollTable';

export interface ClaimCheckProps {
  /** What a source claimed for each image, as it printed it ("~194MB"). */
  claims: { ref: string; claimed: string; claimedMb: number }[];
  /** Who made the claims, e.g. "The article". */
  source?: string;
}

/** Claimed vs measured base-image sizes, with the difference. */
export function ClaimCheck({ claims, source = 'Claimed' }: ClaimCheckProps) {
  return (
    <ScrollTable label="Claimed and measured sizes">
      <table className={styles.table}>
        <caption>Measured column: {SIZE_CITATION}; the build dates differ per image.</caption>
        <thead>
          <tr>
            <th scope="col">Image</th>
            <th scope="col" className={styles.num}>
              {source}
            </th>
            <th scope="col" className={styles.num}>
              Measured
            </th>
            <th scope="col" className={styles.num}>
              Claim vs measured
            </th>
          </tr>
        </thead>
        <tbody>
          {claims.map(({ ref, claimed, claimedMb }) => {
            const { record } = imageRow(ref);
            const measuredMb = record.uncompressedBytes / 1e6;
            const offPercent = Math.round((100 * (claimedMb - measuredMb)) / measuredMb);
            const isClose = Math.abs(offPercent) < 5;
            return (
              <tr key={ref}>
                <th scope="row">
                  <code>{ref}</code>
                </th>
                <td className={styles.num}>{claimed}</td>
                <td className={styles.num}>{measuredSize(record)}</td>
                <td className={`${styles.num} ${isClose ? styles.better : styles.worse}`}>
                  {isClose
                    ? 'close'
                    : `${Math.abs(offPercent)} % too ${offPercent > 0 ? 'high' : 'low'}`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}
