/** The report printed after a successful build: what a webmaster checks before deploying. */
import { gzipSync } from 'node:zlib';
import type { SerializedIndex } from '../core/index.js';

export function formatSummary(
  index: SerializedIndex,
  json: string,
  outputPath: string,
  milliseconds: number,
  /** For a sharded index: the number of files written. */
  files?: number,
): string {
  const bytes = Buffer.byteLength(json);
  const gzipBytes = gzipSync(json).length;
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
