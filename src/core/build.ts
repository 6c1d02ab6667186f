/**
 * Builds a serialized index from documents. Runs in Node (the CLI) and in browsers; the compound
 * lexicon it uses is only pulled in here, so the search-only bundle stays small.
 */
import MiniSearch from 'minisearch';
import { ANALYZER_VERSION, fold, isStopWord, stem, termOf } from './analysis/analyzer.js';
import { CompoundSplitter } from './analysis/decompound.js';
import { DOMAIN_WORDS } from './analysis/domain-words.js';
import { LEXICON_WORDS } from './analysis/lexicon-de.js';
import { indexTokens, tokenize } from './analysis/tokenize.js';
import { wordBreaks } from './analysis/word-breaks.js';
import { cleanText } from './text.js';
import { engineOptions, FIELDS, type EngineDocument } from './engine.js';
import { validateDataDate, validateDocuments } from './schema.js';
import { DEFAULT_SYNONYMS } from './synonyms.js';
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
const DEFAULT_MAX_VOCABULARY = 30000;

/** Markdown markup that should not reach snippets or the index. */
function plainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`]+/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

/** What the build needs to know of each folded word of the content. */
interface WordStats {
  /** Occurrences, and how many of them start with a capital letter (nouns, in German). */
  total: number;
  capitalised: number;
  /** Number of documents containing the word. */
  documentFrequency: number;
  /** Written forms and their counts ("Wohngeld", "wohngeld"). */
  forms: Map<string, number>;
}

/** One pass over all words of the content: the source of compound parts and the vocabulary. */
function collectWordStats(docs: readonly EngineDocument[]): Map<string, WordStats> {
  const stats = new Map<string, WordStats>();
  for (const doc of docs) {
    const seen = new Set<string>();
    for (const word of tokenize(`${doc.title}\n${doc.keywords}\n${doc.summary}\n${doc.body}`)) {
      for (const part of word.parts) {
        const folded = fold(part.text);
        if (folded.length < 3 || isStopWord(folded) || !/\p{L}/u.test(folded)) continue;
        let entry = stats.get(folded);
        if (!entry) {
          entry = { total: 0, capitalised: 0, documentFrequency: 0, forms: new Map() };
          stats.set(folded, entry);
        }
        entry.total++;
        if (part.text[0] !== part.text[0]!.toLowerCase()) entry.capitalised++;
        if (!seen.has(folded)) {
          entry.documentFrequency++;
          seen.add(folded);
        }
        entry.forms.set(part.text, (entry.forms.get(part.text) ?? 0) + 1);
      }
    }
  }
  return stats;
}

/** Nouns of the content itself (mostly capitalised words) become compound parts too. */
function contentNouns(stats: Map<string, WordStats>): string[] {
  return [...stats]
    .filter(([word, s]) => word.length >= 4 && !/\d/.test(word) && s.capitalised * 2 >= s.total)
    .map(([word]) => word);
}

function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}

/** The most frequent written form of the most common words, sorted by folded form. */
function buildVocabulary(
  stats: Map<string, WordStats>,
  max: number,
): SerializedIndex['vocabulary'] {
  const top = [...stats]
    .sort((a, b) => b[1].documentFrequency - a[1].documentFrequency)
    .slice(0, max);
  const vocabulary = top.map(([folded, entry]): [string, number, string] => {
    const [form] = [...entry.forms].sort((a, b) => b[1] - a[1])[0]!;
    return [form, entry.documentFrequency, folded];
  });
  vocabulary.sort((a, b) => (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : b[1] - a[1]));
  return vocabulary.map(([form, df]) => [form, df]);
}

function latestDate(docs: readonly SearchDocument[], now: Date): string {
  const dates = docs.map((doc) => doc.updated).filter((date): date is string => !!date);
  return dates.length ? dates.sort().at(-1)! : now.toISOString().slice(0, 10);
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

  const engineDocs: EngineDocument[] = docs.map((doc, i) => ({
    i,
    title: doc.title,
    keywords: (doc.keywords ?? []).join('\n'),
    summary: doc.summary ?? '',
    body: plainText(doc.body ?? ''),
    meta: [doc.category, ...(doc.partners ?? []), ...(doc.levels ?? [])].filter(Boolean).join('\n'),
  }));

  const wordStats = collectWordStats(engineDocs);
  const splitter = new CompoundSplitter([
    ...words(LEXICON_WORDS),
    ...words(DOMAIN_WORDS),
    ...(options.compoundWords ?? []).map(fold),
    ...contentNouns(wordStats),
  ]);
  const termCache = new Map<string, string[] | null>();
  const processTerm = (token: string): string[] | null => {
    let terms = termCache.get(token);
    if (terms === undefined) {
      const whole = termOf(token);
      if (whole === null) {
        terms = null;
      } else {
        const parts = splitter.split(fold(token)).map(stem);
        terms = [...new Set([whole, ...parts])];
      }
      termCache.set(token, terms);
    }
    return terms;
  };

  const engine = new MiniSearch<EngineDocument>(engineOptions(indexTokens, processTerm));
  const progressStep = Math.max(1, Math.floor(engineDocs.length / 20));
  engineDocs.forEach((doc, i) => {
    engine.add(doc);
    if (options.onProgress && (i + 1) % progressStep === 0)
      options.onProgress(i + 1, engineDocs.length);
  });

  const stored: StoredDocument[] = docs.map((doc, i) => {
    const entry: StoredDocument = {
      id: doc.id,
      title: doc.title,
      url: doc.url,
      summary: doc.summary ?? '',
      text: engineDocs[i]!.body.slice(0, textLength),
    };
    if (doc.category) entry.category = doc.category;
    if (doc.partners) entry.partners = doc.partners;
    if (doc.levels) entry.levels = doc.levels;
    if (doc.updated) entry.updated = doc.updated;
    if (doc.lang) entry.lang = doc.lang;
    const titleBreaks = wordBreaks(doc.title, splitter);
    if (titleBreaks.length) entry.titleBreaks = titleBreaks;
    return entry;
  });

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
    documents: stored,
    synonyms: synonyms.filter((group) => group.length > 1),
    vocabulary: buildVocabulary(wordStats, options.maxVocabulary ?? DEFAULT_MAX_VOCABULARY),
    engine: { name: 'minisearch', fields: FIELDS, data: engine.toJSON() },
  };
}
