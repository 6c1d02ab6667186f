/** The report printed after a successful build: what a webmaster checks before deploying. */
import type { SerializedIndex } from '../core/index.js';

export function formatSummary(
  index: SerializedIndex,
  /** Bytes written, and their size gzipped (as one stream). */
  size: { bytes: number; gzipBytes: number },
  outputPath: string,
  milliseconds: number,
  /** For a sharded index: the number of files written. */
  files?: number,
): string {
  const { bytes, gzipBytes } = size;
  const number = (value: number) => value.toLocaleString('en-US');
  return [
    `Wrote ${outputPath}`,
    `  documents:      ${number(index.documentCount)}`,
    `  index keys:     ${number(index.keys.length)}`,
    `  size:           ${number(bytes)} bytes (${number(gzipBytes)} bytes gzip)${
      files === undefined ? '' : ` in ${number(files)} files`
    }`,
    `  time:           ${number(Math.round(milliseconds))} ms`,
    `  Datenstand:     ${index.dataDate}`,
    '',
  ].join('\n');
}
