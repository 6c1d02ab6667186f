/**
 * Writes an index as JSON without building the whole text first: for a large site that text is
 * several hundred megabytes, held next to the index itself. The pieces join to exactly
 * `JSON.stringify(index)`.
 */
import { createGzip } from 'node:zlib';

/** Array elements per piece: large enough for few writes, small enough to stay a few MB. */
const ELEMENTS_PER_PIECE = 2000;

/** JSON.stringify(value) in pieces, splitting the top-level object's arrays. */
export function* jsonPieces(value: object): Generator<string> {
  let first = true;
  yield '{';
  for (const [name, member] of Object.entries(value)) {
    // As JSON.stringify: undefined and functions are left out.
    if (member === undefined || typeof member === 'function') continue;
    yield `${first ? '' : ','}${JSON.stringify(name)}:`;
    first = false;
    if (!Array.isArray(member)) {
      yield JSON.stringify(member);
      continue;
    }
    yield '[';
    for (let start = 0; start < member.length; start += ELEMENTS_PER_PIECE) {
      const piece = JSON.stringify(member.slice(start, start + ELEMENTS_PER_PIECE));
      // "[a,b]" → "a,b", joined to the previous piece with a comma.
      yield (start ? ',' : '') + piece.slice(1, -1);
    }
    yield ']';
  }
  yield '}';
}

/** Counts the bytes of text written and of its gzip form, for the build summary. */
export class SizeCounter {
  bytes = 0;
  gzipBytes = 0;
  private readonly gzip = createGzip();
  private readonly done: Promise<void>;

  constructor() {
    this.gzip.on('data', (chunk: Buffer) => (this.gzipBytes += chunk.length));
    this.done = new Promise((resolve, reject) => {
      this.gzip.on('end', resolve);
      this.gzip.on('error', reject);
    });
  }

  async add(text: string): Promise<void> {
    this.bytes += Buffer.byteLength(text);
    if (!this.gzip.write(text)) await new Promise((resolve) => this.gzip.once('drain', resolve));
  }

  async finish(): Promise<{ bytes: number; gzipBytes: number }> {
    this.gzip.end();
    await this.done;
    return { bytes: this.bytes, gzipBytes: this.gzipBytes };
  }
}
