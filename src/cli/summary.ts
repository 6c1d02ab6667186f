/** The report printed after a successful build: what a webmaster checks before deploying. */
import type { SerializedIndex } from '../core/index.js';

/**
 * A single index file above this (gzip) gets a hint to shard: a visitor downloads all of it on
 * first focus, and 500 kB is about 2.5 s on a slow mobile connection (1.6 Mbit/s). A sharded
 * index needs 75–85 kB before the first results (browser bench, 10,000 and 20,000 documents).
 */
export const SHARD_HINT_GZIP_BYTES = 500_000;

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
  const hint =
    files === undefined && gzipBytes > SHARD_HINT_GZIP_BYTES
      ? [
          `  hint:           visitors download all of this file on first focus; for a site this`,
          `                  size, write a sharded index (--out <folder>/): it loads only what a`,
          `                  query needs.`,
        ]
      : [];
  return [
    `Wrote ${outputPath}`,
    `  documents:      ${number(index.documentCount)}`,
    `  index keys:     ${number(index.keys.length)}`,
    `  size:           ${number(bytes)} bytes (${number(gzipBytes)} bytes gzip)${
      files === undefined ? '' : ` in ${number(files)} files`
    }`,
    `  time:           ${number(Math.round(milliseconds))} ms`,
    `  Datenstand:     ${index.dataDate}`,
    ...hint,
    '',
  ].join('\n');
}
