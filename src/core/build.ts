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
import { documentFields } from './indexing/document-fields.js';
import { FilterIndexer } from './indexing/filter-index.js';
import { storedSections } from './indexing/stored-sections.js';
import { TermIndexer } from './indexing/term-indexer.js';
import { buildVocabulary, collectWordStats, contentNouns } from './indexing/word-stats.js';
import { validateDataDate, validateDocuments } from './schema.js';
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
 * Builds a JSON-serializable index. Documents are validated first; invalid input throws a
 * ContentError naming the document and field.
 */
export function buildIndex(
  documents: readonly unknown[],
  options: BuildOptions = {},
): SerializedIndex {
  const now = options.now?.() ?? new Date();
  const docs = validateDocuments(documents);
  const dataDate = validateDataDate(options.dataDate);
  const textLength = options.storedTextLength ?? DEFAULT_STORED_TEXT_LENGTH;

  const fields = docs.map(documentFields);
  const wordStats = collectWordStats(fields);
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
  const { keys, postings } = indexer.writer.finish();

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
    vocabulary: buildVocabulary(wordStats, options.maxVocabulary ?? DEFAULT_MAX_VOCABULARY),
    filterValues: filterIndexer.filterValues(),
    keys,
    postings,
  };
}
