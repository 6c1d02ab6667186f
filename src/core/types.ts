/**
 * Public types of the search core: the documents that go in, the index file, and the hits that
 * come out. The core is DOM-free; these types are shared by the CLI, the components and users.
 */

/** One page or item of a site's content, as given to `buildIndex` or the CLI. */
export interface SearchDocument {
  /** Unique, stable id (letters, digits, `-`, `_`, `.`, `/`, `~`). */
  id: string;
  title: string;
  /** http(s) URL or a relative URL (`/path`, `path`, `#anchor`). */
  url: string;
  /** One or two sentences for the result card. */
  summary?: string;
  /** The full text (plain text or Markdown). */
  body?: string;
  /** Words visitors type: colloquial terms, abbreviations and their full forms. */
  keywords?: string[];
  /** Named partners, states or institutions. */
  partners?: string[];
  /** Administrative levels, e.g. Bund, Länder, Kommunen. */
  levels?: string[];
  category?: string;
  /** Date of the last change, `YYYY-MM-DD`. */
  updated?: string;
  /** BCP 47 language tag of the content, default `de`. */
  lang?: string;
  /** The page's H2–H6 headings as plain text, for ranking. */
  headings?: string[];
  /**
   * Parts of the page under headings that can be linked to: `anchor` is the fragment id without
   * `#`, `title` the heading's text, `text` the plain text up to the next heading of the same or
   * a higher level.
   */
  sections?: { anchor: string; title: string; text: string }[];
  /** Kind of content shown on the card, e.g. `PDF`. */
  type?: string;
  /** Further filter fields and their values, e.g. `{ zielgruppe: ['Bürger'] }`. */
  filters?: Record<string, string[]>;
}

/** What the index keeps of a document for display. */
export interface StoredDocument {
  id: string;
  title: string;
  url: string;
  summary: string;
  category?: string;
  partners?: string[];
  levels?: string[];
  updated?: string;
  lang?: string;
  /** The beginning of the body, source of snippets. */
  text: string;
  /** Positions in `title` where a long word may break (joints of compounds), for narrow screens. */
  titleBreaks?: number[];
  type?: string;
  filters?: Record<string, string[]>;
  /** The page's sections, for section hits (see StoredSection). */
  sections?: StoredSection[];
}

/**
 * A section as the index keeps it: its heading always, and the text for its snippet either as a
 * range `span` of the document's stored `text` (when it lies there already) or as its own
 * `text`, cut to a share of the document's budget (see indexing/stored-sections.ts).
 */
export interface StoredSection {
  anchor: string;
  title: string;
  text?: string;
  span?: [start: number, end: number];
}

/**
 * The filter fields of an index and their values, each with the number of documents that have
 * it, most frequent first: `{ category: [['Formular', 12], ['Verfahren', 5]], type: [['PDF', 3]] }`.
 * Fields are `category`, `type`, `levels`, `partners` (those that occur) and the names used in
 * `SearchDocument.filters`.
 */
export type FilterValues = Record<string, [value: string, documentCount: number][]>;

/** A group of words or phrases that mean the same to a visitor ("EAÜ", "Fußfessel", …). */
export type SynonymGroup = string[];

export const INDEX_FORMAT = 'hzd-search-index';
export const INDEX_FORMAT_VERSION = 4;

/**
 * A vocabulary entry: the most frequent written form of a folded word, the number of documents
 * containing it, and the number whose title, headings or keywords contain it.
 */
export type VocabularyEntry = [word: string, documentFrequency: number, namingFrequency: number];

/** The JSON index file written by `buildIndex` / the CLI and read by `loadIndex`. */
export interface SerializedIndex {
  format: typeof INDEX_FORMAT;
  formatVersion: number;
  /** Version of the German analyzer the keys were produced with. */
  analyzerVersion: string;
  /** When the file was built (ISO 8601). */
  builtAt: string;
  /** "Datenstand": the date the content is current as of (`YYYY-MM-DD`). */
  dataDate: string;
  language: string;
  documentCount: number;
  /** Names of the indexed fields, in the order of the field numbers in postings. */
  fields: string[];
  /** Average length of each field in words, for BM25. */
  averageFieldLengths: number[];
  /** Display fields, in document-number order. */
  documents: StoredDocument[];
  synonyms: SynonymGroup[];
  /** Words for completions, corrections and typo tolerance, sorted by folded form. */
  vocabulary: VocabularyEntry[];
  /** Filter fields and their values, for a UI to list (their documents are reserved keys). */
  filterValues: FilterValues;
  /** Every index key, sorted by UTF-16 code units. */
  keys: string[];
  /** The encoded postings of each key (see postings.ts), parallel to `keys`. */
  postings: string[];
}

/** A range `[start, end)` of characters in a string that matched the query. */
export type MatchRange = [start: number, end: number];

export interface Snippet {
  /** Plain text (never HTML), possibly with a leading or trailing "…". */
  text: string;
  matches: MatchRange[];
}

export interface SearchHit {
  id: string;
  title: string;
  url: string;
  summary: string;
  score: number;
  /** Matched ranges in `title`. */
  titleMatches: MatchRange[];
  /**
   * Positions in `title` where a long word may be broken with a hyphen (the joints of compound
   * words: "Aufenthalts|überwachung"), so titles wrap sensibly at 320 px in every browser.
   */
  titleBreaks?: number[];
  /** An excerpt of the body (or the summary) around the matches. */
  snippet: Snippet;
  /** Words of the query (as typed) that this document does not contain, if any. */
  missingWords?: string[];
  category?: string;
  partners?: string[];
  levels?: string[];
  updated?: string;
  lang?: string;
  /** Kind of content, shown on the card (e.g. `PDF`). */
  type?: string;
  /** Filter fields of `SearchDocument.filters` and their values. */
  filters?: Record<string, string[]>;
  /**
   * The sections of the page that match best (at most three, best first), shown under the page
   * in its card. A page that matches only in one section still comes as the page, with it here.
   */
  sections?: SectionHit[];
}

/** A part of a page under a heading with an id, as a sub-result of its page's hit. */
export interface SectionHit {
  /** The fragment id, without `#`. */
  anchor: string;
  /** The heading's text. */
  title: string;
  /** The page's URL with `#anchor`. */
  url: string;
  /** Matched ranges in `title`. */
  titleMatches: MatchRange[];
  /** An excerpt of the section's text around the matches. */
  snippet: Snippet;
}

export interface SearchOptions {
  /** Maximum number of hits returned (default 10). */
  limit?: number;
  /** Number of hits to skip, for paging (default 0). */
  offset?: number;
  /**
   * Treat the last word as still being typed and match it as a prefix (default true). Set false
   * when the visitor submitted the query.
   */
  prefix?: boolean;
  /**
   * Only documents with one of the given values in each named field: OR within a field, AND
   * across fields (`{ category: ['Formular'], levels: ['Land', 'Kommune'] }`). Fields are
   * `category`, `type`, `levels`, `partners` and the names of `SearchDocument.filters`.
   */
  filters?: Readonly<Record<string, readonly string[]>>;
  /** Fields to count values of for the current query (see `SearchResults.facets`). */
  facets?: readonly string[];
  /**
   * Aborts an asynchronous search (a sharded index, a server): its promise rejects with the
   * signal's reason. The widget aborts a search once the visitor has typed on, so a sharded
   * index does not fetch the documents of hits nobody will see. A single file ignores it.
   */
  signal?: AbortSignal;
}

export interface SearchResults {
  /** The query as given. */
  query: string;
  /** Number of matching documents (before limit and offset). */
  total: number;
  hits: SearchHit[];
  /**
   * Words of the query (as typed) that the best results do not contain, when no document
   * contains them all: the widget says "Ergebnisse ohne: eigene".
   */
  missingWords?: string[];
  /**
   * For each field asked for in `SearchOptions.facets`: value → number of documents that match
   * the query. A field's own filter is left out of its counts, so a visitor sees how many hits
   * each other value of that field would add.
   */
  facets?: Record<string, Record<string, number>>;
}

export interface SuggestOptions {
  /** Maximum number of completions (default 5). */
  limit?: number;
  /** Aborts an asynchronous source's suggestions, as `SearchOptions.signal`. */
  signal?: AbortSignal;
}

export interface Suggestions {
  /** Full queries that complete the last word: "wohn" → "Wohngeld". */
  completions: string[];
  /** "Meinten Sie …?": the query with unknown words replaced by close known words, if any. */
  correction?: string;
}

export interface BuildOptions {
  /** Groups added to the built-in synonyms and abbreviations. */
  synonyms?: SynonymGroup[];
  /** Use only `synonyms`, not the built-in groups. */
  replaceDefaultSynonyms?: boolean;
  /** "Datenstand", `YYYY-MM-DD`; default: the newest `updated` date, else the build date. */
  dataDate?: string;
  /** BCP 47 language of the content (default `de`); a document's own `lang` overrides it. */
  language?: string;
  /** Characters of each body kept for snippets (default 2000). */
  storedTextLength?: number;
  /** Maximum number of vocabulary words kept for completions and typos (default 40000). */
  maxVocabulary?: number;
  /** Extra folded or plain words the compound splitter may use as parts. */
  compoundWords?: string[];
  /** Called now and then while documents are added. */
  onProgress?: (done: number, total: number) => void;
  /** Clock, for reproducible builds in tests. */
  now?: () => Date;
}
