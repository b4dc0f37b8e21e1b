import { formatBytes } from '@/lib/format';
import { imageRow, measuredSize } from './base-image-data';

export interface SizeProps {
  /** A byte count to print, e.g. 19872227. */
  bytes?: number;
  /** Or an image reference whose measured size to print, e.g. "python:3.9-slim". */
  image?: string;
}

/** A size in running prose, in decimal units; for an image, the measured figure. */
export function Size({ bytes, image }: SizeProps) {
  if (image) {
    const { record } = imageRow(image);
    return (
      <data value={record.uncompressedBytes} title={`${record.ref}: ${record.source}`}>
        {measuredSize(record)}
      </data>
    );
  }
  const value = bytes ?? 0;
  return <data value={value}>{formatBytes(value)}</data>;
}
