/**
 * Reads a text file strictly as UTF-8. A silently "repaired" file would put U+FFFD into titles
 * and index terms, so invalid bytes are an error that names the file and line.
 */
import { readFile } from 'node:fs/promises';
import { CliError, describeFsError } from './cli-error.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Line of the first invalid byte: the longest prefix that still decodes, found by bisection. */
export function invalidLine(bytes: Uint8Array): number {
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const middle = (good + bad) >>> 1;
    try {
      // stream: a prefix may end inside a valid multi-byte character.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      good = middle;
    } catch {
      bad = middle;
    }
  }
  let line = 1;
  for (let i = 0; i < good; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Reads `path` (shown to the user as `display`); a leading byte order mark is dropped. */
export async function readText(path: string, display: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new CliError(`cannot read ${display}: ${describeFsError(error)}.`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new CliError(
      'the file is not valid UTF-8 text.',
      { file: display, line: invalidLine(bytes) },
      'Save the file with the encoding UTF-8 (most editors offer it under "Save as" or "Encoding").',
    );
  }
}
