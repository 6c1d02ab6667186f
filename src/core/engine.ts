/**
 * The MiniSearch configuration shared by the index builder and the loader. MiniSearch does not
 * serialize functions, so both sides must construct it with exactly these options.
 */
import type { Options } from 'minisearch';

/** Indexed fields, with their weight at query time. */
export const FIELD_BOOSTS = {
  title: 6,
  keywords: 4,
  summary: 2,
  body: 1,
  meta: 1.5,
} as const;

export const FIELDS = Object.keys(FIELD_BOOSTS);

/** Documents are added as `{ i, title, keywords, summary, body, meta }`; `i` is the array index. */
export interface EngineDocument {
  i: number;
  title: string;
  keywords: string;
  summary: string;
  body: string;
  meta: string;
}

export function engineOptions(
  tokenize: (text: string) => string[],
  processTerm: (term: string) => string | string[] | null,
): Options<EngineDocument> {
  return {
    idField: 'i',
    fields: FIELDS,
    tokenize,
    processTerm,
    // Queries are analyzed by the core before they reach MiniSearch.
    searchOptions: { tokenize: (text) => [text], processTerm: (term) => term },
  };
}
