/**
 * Prefix packs of a sharded index (see layout.ts). While a word is typed alone, its first
 * letters find new hits almost every time, ten cards that would be ten document requests. For
 * every start of two to four letters of a vocabulary word, a pack holds its first hits as the
 * search ranks them and their stored documents, one request for all. A pack leaves out the
 * documents its shorter prefixes' packs hold ("elt" what "el" has): typing loads those first.
 *
 * Seven queries typed letter by letter (Node replay of the browser bench's typing): 10k law
 * sections, 290 requests and 452 kB gzip without packs, 163 and 421 kB with them; 20k man page
 * sections, 391 and 486 kB, 280 and 458 kB. The packs take 42 and 39 MB on disk (7,774 and
 * 14,587 files). Packs up to three letters: 192 and 314 requests; up to five: 158 and 271, for
 * 80–90 % more pack files than up to four.
 */
import { damagedIndex } from '../errors.js';
import { checkDocuments, isRecord } from '../index-checks.js';
import type { StoredDocument } from '../types.js';

/** Lengths of the prefixes packed: from the widget's two letters before it searches on. */
export const PACKED_PREFIX_LENGTHS: readonly number[] = [2, 3, 4];

/** Hits per pack: the widget's first page of results. */
export const DEFAULT_PACK_SIZE = 10;

export interface PrefixPack {
  /** The first hits of the prefix typed alone, best first. */
  hits: number[];
  /** Those the shorter prefixes' packs lack, and their stored documents. */
  documents: number[];
  records: StoredDocument[];
}

/**
 * The packed prefixes of one letter's words (folded): every distinct start of a packed length,
 * sorted as strings. The writer and the reader both number a letter's packs by this list.
 */
export function packPrefixes(folded: readonly string[]): string[] {
  const prefixes = new Set<string>();
  for (const word of folded) {
    for (const length of PACKED_PREFIX_LENGTHS) {
      if (word.length >= length) prefixes.add(word.slice(0, length));
    }
  }
  return [...prefixes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The packed prefixes whose packs together hold the hits of `prefix`: its shorter ones, itself. */
export function packChain(prefix: string): string[] {
  return PACKED_PREFIX_LENGTHS.filter((length) => length <= prefix.length).map((length) =>
    prefix.slice(0, length),
  );
}

/** Checks a pack: document numbers within the index, and a stored document for each it holds. */
export function checkPack(content: unknown, documentCount: number): PrefixPack {
  if (!isRecord(content)) throw damagedIndex('a prefix pack is not an object');
  const { hits, documents, records } = content;
  checkDocuments(records);
  const numbers = (value: unknown): value is number[] =>
    Array.isArray(value) && value.every((n) => Number.isInteger(n) && n >= 0 && n < documentCount);
  if (!numbers(hits) || !numbers(documents) || documents.length !== records.length)
    throw damagedIndex('a prefix pack does not say which documents it holds');
  return { hits, documents, records };
}
