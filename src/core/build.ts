/**
 * Builds a serialized index from documents. Runs in Node (the CLI) and in browsers; the compound
 * lexicon it uses is only pulled in here, so the search-only bundle stays small.
 */
import { ANALYZER_VERSION, fold } from './analysis/analyzer.js';
import { CompoundSplitter } from './analysis/decompound.js';
import { DOMAIN_WORDS } from './analysis/domain-words.js';
import { LEXICON_WORDS } from './analysis/lexicon-de.js';
import { wordBreaks } from './analysis/word-breaks.js';
import { FIELDS } from './engine.js';
import { ContentError } from './errors.js';
import { documentFields, type FieldTexts } from './indexing/document-fields.js';
import { FilterIndexer } from './indexing/filter-index.js';
import { withNamingKeys } from './indexing/naming-keys.js';
import { storedSections } from './indexing/stored-sections.js';
import { TermIndexer } from './indexing/term-indexer.js';
import {
  buildVocabulary,
  contentNouns,
  WordStatsCollector,
  type WordStats,
} from './indexing/word-stats.js';
import { validateDataDate, validateDocument } from './schema.js';
import { DEFAULT_SYNONYMS } from './synonyms.js';
import { cleanText } from './text.js';
import {
  INDEX_FORMAT,
  INDEX_FORMAT_VERSION,
  type BuildOptions,
  type SearchDocument,
  type SerializedIndex,
  type StoredDocument,
  type SynonymGroup,
} from './types.js';

const DEFAULT_STORED_TEXT_LENGTH = 2000;
/**
 * Words kept for completions, corrections and typos: all of a typical site's; on a large one the
 * words that name documents and the most frequent, since a sharded index downloads the
 * vocabulary part of every letter a visitor types.
 */
const DEFAULT_MAX_VOCABULARY = 40_000;

function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}

function latestDate(docs: readonly SearchDocument[], now: Date): string {
  const dates = docs.map((doc) => doc.updated).filter((date): date is string => !!date);
  return dates.length ? dates.sort().at(-1)! : now.toISOString().slice(0, 10);
}

function storedDocument(
  doc: SearchDocument,
  body: string,
  textLength: number,
  splitter: CompoundSplitter,
): StoredDocument {
  const entry: StoredDocument = {
    id: doc.id,
    title: doc.title,
    url: doc.url,
    summary: doc.summary ?? '',
    text: body.slice(0, textLength),
  };
  if (doc.category) entry.category = doc.category;
  if (doc.partners) entry.partners = doc.partners;
  if (doc.levels) entry.levels = doc.levels;
  if (doc.updated) entry.updated = doc.updated;
  if (doc.lang) entry.lang = doc.lang;
  const titleBreaks = wordBreaks(doc.title, splitter);
  if (titleBreaks.length) entry.titleBreaks = titleBreaks;
  if (doc.type) entry.type = doc.type;
  if (doc.filters) entry.filters = doc.filters;
  if (doc.sections?.length) entry.sections = storedSections(doc.sections, entry.text, textLength);
  return entry;
}

/**
 * What a build keeps of its documents until every one is in: the compound splitter learns the
 * content's own nouns from all of them before any is indexed. The raw body is not kept, only its
 * plain text (which the index and the stored snippet text are made of).
 */
interface CollectedDocuments {
  /** The validated documents, without `body`. */
  docs: SearchDocument[];
  fields: FieldTexts[];
  wordStats: Map<string, WordStats>;
}

/**
 * Builds an index from documents added one at a time: `add` each (it is validated and its words
 * counted at once), then `finish`. `buildIndex` is this for an array; the CLI feeds documents as
 * it reads them, so a large input is never held whole.
 */
export class IndexBuilder {
  private readonly docs: SearchDocument[] = [];
  private readonly fields: FieldTexts[] = [];
  private readonly ids = new Set<string>();
  private readonly wordStats = new WordStatsCollector();
  private finished = false;

  constructor(private readonly options: BuildOptions = {}) {
    // A bad option fails before any document is read.
    validateDataDate(options.dataDate);
  }

  /** Documents added so far. */
  get size(): number {
    return this.docs.length;
  }

  /**
   * Validates and adds one document; throws a ContentError naming the document and field for
   * invalid input or an id that was added before.
   */
  add(input: unknown): void {
    if (this.finished) throw new Error('IndexBuilder.add after finish');
    const doc = validateDocument(input);
    if (this.ids.has(doc.id)) {
      throw new ContentError(`Duplicate id "${doc.id}": every document needs a unique id.`, {
        id: doc.id,
        field: 'id',
      });
    }
    this.ids.add(doc.id);
    const fields = documentFields(doc);
    this.wordStats.add(fields);
    // The validated copy is the builder's own; its body lives on as fields.body (plain text).
    delete doc.body;
    this.docs.push(doc);
    this.fields.push(fields);
  }

  /**
   * The index of every document added; the builder is spent afterwards. `onProgress` (else the
   * option's) is called now and then while documents are indexed.
   */
  finish(onProgress = this.options.onProgress): SerializedIndex {
    if (this.finished) throw new Error('IndexBuilder.finish called twice');
    if (this.docs.length === 0) {
      throw new ContentError('No documents found: the input is empty.', {});
    }
    this.finished = true;
    const collected = {
      docs: this.docs.splice(0),
      fields: this.fields.splice(0),
      wordStats: this.wordStats.stats,
    };
    this.ids.clear();
    return assembleIndex(collected, { ...this.options, onProgress });
  }
}

/**
 * Builds a JSON-serializable index. Documents are validated first; invalid input throws a
 * ContentError naming the document and field.
 */
export function buildIndex(
  documents: readonly unknown[],
  options: BuildOptions = {},
): SerializedIndex {
  const builder = new IndexBuilder(options);
  for (const document of documents) builder.add(document);
  return builder.finish();
}

/** Indexes the collected documents: compound splitter, postings, stored fields, vocabulary. */
function assembleIndex(
  { docs, fields, wordStats }: CollectedDocuments,
  options: BuildOptions,
): SerializedIndex {
  const now = options.now?.() ?? new Date();
  const dataDate = validateDataDate(options.dataDate);
  const textLength = options.storedTextLength ?? DEFAULT_STORED_TEXT_LENGTH;

  const splitter = new CompoundSplitter([
    ...words(LEXICON_WORDS),
    ...words(DOMAIN_WORDS),
    ...(options.compoundWords ?? []).map(fold),
    ...contentNouns(wordStats),
  ]);

  const indexer = new TermIndexer(splitter);
  const filterIndexer = new FilterIndexer(indexer.writer);
  const progressStep = Math.max(1, Math.floor(docs.length / 20));
  fields.forEach((text, i) => {
    indexer.add(i, text);
    filterIndexer.add(i, docs[i]!);
    if (options.onProgress && (i + 1) % progressStep === 0) options.onProgress(i + 1, docs.length);
  });
  const vocabulary = buildVocabulary(wordStats, options.maxVocabulary ?? DEFAULT_MAX_VOCABULARY);
  const { keys, postings } = withNamingKeys(indexer.writer.finish(), vocabulary);

  const synonyms: SynonymGroup[] = [
    ...(options.replaceDefaultSynonyms ? [] : DEFAULT_SYNONYMS),
    ...(options.synonyms ?? []),
  ].map((group) => group.map((phrase) => cleanText(phrase).trim()).filter(Boolean));

  return {
    format: INDEX_FORMAT,
    formatVersion: INDEX_FORMAT_VERSION,
    analyzerVersion: ANALYZER_VERSION,
    builtAt: now.toISOString(),
    dataDate: dataDate ?? latestDate(docs, now),
    language: options.language?.trim() || 'de',
    documentCount: docs.length,
    fields: [...FIELDS],
    averageFieldLengths: indexer.statistics.totalLength.map((total) => total / docs.length),
    documents: docs.map((doc, i) => storedDocument(doc, fields[i]!.body, textLength, splitter)),
    synonyms: synonyms.filter((group) => group.length > 1),
    vocabulary,
    filterValues: filterIndexer.filterValues(),
    keys,
    postings,
  };
}
