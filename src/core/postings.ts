/**
 * Postings: for one index key, where it occurs. Stored as text so an index stays JSON (one file
 * or many shards), and decoded only for the keys a query needs: loading an index parses no
 * postings at all.
 *
 * For every document that has the key, in document order:
 *
 *   document number − previous document number, entry count, then per entry:
 *   field × 8 + kind, count, first position in the field, field length class
 *
 * Each number is a varint of 5-bit digits, each digit one character of a 64-character,
 * JSON-safe alphabet (the sixth bit says "more digits follow"). Field lengths are stored as a
 * class (`lengthClass`: exact up to 8 words, then about 26 % wide): enough for BM25's length
 * normalization, and it lets
 * a document's postings be scored without a per-document length table, which a sharded index
 * could not download up front.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DIGIT_VALUE[ALPHABET.charCodeAt(i)] = i;

/** Positions beyond this are stored as this: only the start of a field matters for proximity. */
export const MAX_POSITION = 1023;
const EXACT_LENGTHS = 8;
const LENGTH_CLASSES_PER_DOUBLING = 3;

/**
 * The class of a field length: the length itself up to 8 words (so "a title of exactly the
 * query's words" can be told from postings), then about 26 % wide classes.
 */
export function lengthClass(length: number): number {
  if (length <= EXACT_LENGTHS) return length;
  return (
    EXACT_LENGTHS + Math.floor(LENGTH_CLASSES_PER_DOUBLING * Math.log2(length / EXACT_LENGTHS)) + 1
  );
}

function typicalLength(lengthClassValue: number): number {
  if (lengthClassValue <= EXACT_LENGTHS) return lengthClassValue;
  return (
    EXACT_LENGTHS * 2 ** ((lengthClassValue - EXACT_LENGTHS - 0.5) / LENGTH_CLASSES_PER_DOUBLING)
  );
}

/** The classes of fields up to 2^42 words, computed once: scoring asks once per posting entry. */
const CLASS_LENGTHS = Float64Array.from({ length: 128 }, (_, value) => typicalLength(value));

/** The typical length of a class (exact up to 8; the geometric middle beyond). */
export function classLength(lengthClassValue: number): number {
  return lengthClassValue < CLASS_LENGTHS.length
    ? CLASS_LENGTHS[lengthClassValue]!
    : typicalLength(lengthClassValue);
}

/** One occurrence record of a key in a document's field. */
export interface PostingEntry {
  field: number;
  kind: number;
  count: number;
  position: number;
  lengthClass: number;
}

/** Appends postings as 6-bit digits (0–63) to a growable byte buffer; see `PostingsWriter`. */
class DigitBuffer {
  bytes = new Uint8Array(16);
  length = 0;

  push(value: number): void {
    let rest = value;
    do {
      if (this.length === this.bytes.length) {
        const grown = new Uint8Array(this.bytes.length * 2);
        grown.set(this.bytes);
        this.bytes = grown;
      }
      const digit = rest & 31;
      rest = Math.floor(rest / 32);
      this.bytes[this.length++] = rest > 0 ? digit | 32 : digit;
    } while (rest > 0);
  }

  toString(): string {
    let text = '';
    // In slices: String.fromCharCode takes its arguments on the stack.
    for (let start = 0; start < this.length; start += 8192) {
      const end = Math.min(this.length, start + 8192);
      const codes = new Array<number>(end - start);
      for (let i = start; i < end; i++) codes[i - start] = ALPHABET.charCodeAt(this.bytes[i]!);
      text += String.fromCharCode(...codes);
    }
    return text;
  }
}

/** Collects the postings of every key, one document at a time (documents in ascending order). */
export class PostingsWriter {
  private readonly buffers = new Map<string, { buffer: DigitBuffer; lastDocument: number }>();

  /** Adds one document's entries for `key`. */
  add(key: string, document: number, entries: readonly PostingEntry[]): void {
    let target = this.buffers.get(key);
    if (!target) {
      target = { buffer: new DigitBuffer(), lastDocument: 0 };
      this.buffers.set(key, target);
    }
    const { buffer } = target;
    buffer.push(document - target.lastDocument);
    target.lastDocument = document;
    buffer.push(entries.length);
    for (const entry of entries) {
      buffer.push(entry.field * 8 + entry.kind);
      buffer.push(entry.count);
      buffer.push(Math.min(entry.position, MAX_POSITION));
      buffer.push(entry.lengthClass);
    }
  }

  get keyCount(): number {
    return this.buffers.size;
  }

  /** Keys in code-unit order (what `<` on strings and binary search use) with their postings. */
  finish(): { keys: string[]; postings: string[] } {
    const keys = [...this.buffers.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const postings = keys.map((key) => this.buffers.get(key)!.buffer.toString());
    this.buffers.clear();
    return { keys, postings };
  }
}

/** Decoded postings of one key: entries grouped by document, in document order. */
export interface Postings {
  /** Document numbers. */
  documents: Uint32Array;
  /** `entries` index of each document's first entry; `starts[documents.length]` is the end. */
  starts: Uint32Array;
  /** Five numbers per entry: field, kind, count, position, length class. */
  entries: Uint16Array;
}

export class PostingsFormatError extends Error {
  override readonly name = 'PostingsFormatError';
}

/** Decodes `encoded`; throws PostingsFormatError for anything that is not valid postings. */
export function decodePostings(encoded: string): Postings {
  const values: number[] = [];
  let value = 0;
  let scale = 1;
  for (let i = 0; i < encoded.length; i++) {
    const code = encoded.charCodeAt(i);
    const digit = code < 128 ? DIGIT_VALUE[code]! : -1;
    if (digit < 0) throw new PostingsFormatError(`invalid character at ${i}`);
    value += (digit & 31) * scale;
    if (digit & 32) {
      scale *= 32;
    } else {
      values.push(value);
      value = 0;
      scale = 1;
    }
  }
  if (scale !== 1) throw new PostingsFormatError('truncated number');

  const documents: number[] = [];
  const starts: number[] = [];
  const entries: number[] = [];
  let document = 0;
  for (let i = 0; i < values.length;) {
    document += values[i++]!;
    const count = values[i++];
    if (count === undefined || i + count * 4 > values.length) {
      throw new PostingsFormatError('truncated entry');
    }
    documents.push(document);
    starts.push(entries.length / 5);
    for (let k = 0; k < count; k++) {
      const code = values[i++]!;
      entries.push(code >> 3, code & 7, values[i++]!, values[i++]!, values[i++]!);
    }
  }
  starts.push(entries.length / 5);
  return {
    documents: Uint32Array.from(documents),
    starts: Uint32Array.from(starts),
    entries: Uint16Array.from(entries),
  };
}
