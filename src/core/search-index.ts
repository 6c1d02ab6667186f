/**
 * A loaded index: German search with synonyms, prefix completion of the word being typed, typo
 * tolerance, ranking and snippets. DOM-free; the components talk only to this class (or to
 * anything with the same `search` / `suggest` methods, such as a future worker proxy).
 */
import type MiniSearch from 'minisearch';
import type { Query } from 'minisearch';
import { fold, isStopWord, stem } from './analysis/analyzer.js';
import { tokenize } from './analysis/tokenize.js';
import { FIELD_BOOSTS, type EngineDocument } from './engine.js';
import { analyzeQuery, MAX_QUERY_LENGTH, type QueryWord } from './query.js';
import { findMatches, makeSnippet } from './snippet.js';
import { SynonymTable } from './synonym-table.js';
import type {
  SearchHit,
  SearchOptions,
  SearchResults,
  SerializedIndex,
  StoredDocument,
  SuggestOptions,
  Suggestions,
} from './types.js';
import { Vocabulary, type VocabularyWord } from './vocabulary.js';
import { hasTerm, termsNear } from './engine-terms.js';
import { cutText } from './text.js';

/** Up to this many letters, the word being typed is completed from the vocabulary (fast, precise). */
const SHORT_PREFIX = 3;
/** How many vocabulary completions stand in for a short prefix. */
const SHORT_PREFIX_COMPLETIONS = 3;
const SYNONYM_WEIGHT = 0.8;
const COMPLETION_WEIGHT = 0.6;
/** When no document has all words, words in more than this many times the documents of the
 * rarest word are too common to bring in results of their own. */
const SPECIFICITY_RATIO = 5;
/** Unknown query words this long are split into known words. */
const MIN_SPLIT_QUERY_WORD = 8;
const QUERY_PART_WEIGHT = 0.5;
/** Parts shorter than this ("woh", "dat") match too much to stand in for a whole word. */
const MIN_QUERY_PART_TERM = 4;
/** Fields searched for a short prefix: the ones that name a document. */
const SHORT_PREFIX_FIELDS = ['title', 'keywords', 'summary', 'meta'];

/** Edit distance allowed for a term: none for short words (EPK must not find EBK), more for long ones. */
function typoTolerance(term: string): number {
  if (term.length >= 9) return 2;
  if (term.length >= 5) return 1;
  return 0;
}

interface DocumentMatch {
  score: number;
  groups: Set<number>;
  terms: Set<string>;
}

export class SearchIndex {
  /** "Datenstand": the date the content is current as of (`YYYY-MM-DD`). */
  readonly dataDate: string;
  /** When the index file was built (ISO 8601). */
  readonly builtAt: string;
  readonly documentCount: number;
  /** BCP 47 language of the content; documents with their own `lang` override it. */
  readonly language: string;
  private readonly synonymTable: SynonymTable;
  private readonly vocabulary: Vocabulary;

  constructor(
    private readonly engine: MiniSearch<EngineDocument>,
    private readonly documents: readonly StoredDocument[],
    serialized: Pick<
      SerializedIndex,
      'dataDate' | 'builtAt' | 'synonyms' | 'vocabulary' | 'language'
    >,
  ) {
    this.dataDate = serialized.dataDate;
    this.language = typeof serialized.language === 'string' ? serialized.language : 'de';
    this.builtAt = serialized.builtAt;
    this.documentCount = documents.length;
    this.synonymTable = new SynonymTable(serialized.synonyms);
    this.vocabulary = new Vocabulary(serialized.vocabulary);
  }

  /** Finds documents for `query`; see SearchOptions for paging and prefix behaviour. */
  search(query: string, options: SearchOptions = {}): SearchResults {
    const limit = Math.max(0, options.limit ?? 10);
    const offset = Math.max(0, options.offset ?? 0);
    const words = analyzeQuery(query, options.prefix ?? true);
    if (words.length === 0) return { query, total: 0, hits: [] };

    const groups = this.queryGroups(words);
    const matches = new Map<number, DocumentMatch>();
    groups.forEach((group, groupIndex) => {
      for (const result of this.engine.search(group, { boost: FIELD_BOOSTS })) {
        const match = matches.get(result.id) ?? { score: 0, groups: new Set(), terms: new Set() };
        // MiniSearch multiplies by the number of query terms matched; within one group those
        // are alternatives (synonyms, completions), so that bonus would favour synonym-rich words.
        match.score += result.score / Math.max(1, result.queryTerms.length);
        match.groups.add(groupIndex);
        for (const term of result.terms) match.terms.add(term);
        matches.set(result.id, match);
      }
    });

    const ranked = this.rank(matches, groups.length);
    const hits = ranked.slice(offset, offset + limit).map(([id, match]) => this.hit(id, match));
    return { query, total: ranked.length, hits };
  }

  /** Completions of the word being typed and, for unknown words, a "Meinten Sie …?" query. */
  suggest(query: string, options: SuggestOptions = {}): Suggestions {
    const limit = options.limit ?? 5;
    const text = cutText(query, MAX_QUERY_LENGTH);
    const words = tokenize(text).flatMap((word) => word.parts);
    const suggestions: Suggestions = { completions: [] };
    const last = words.at(-1);
    if (!last) return suggestions;

    const typing = last.end === text.length;
    if (typing) {
      const head = text.slice(0, last.start);
      const typed = fold(last.text);
      suggestions.completions = this.vocabulary
        .complete(last.text, limit + 1)
        .filter((entry) => entry.folded !== typed)
        .slice(0, limit)
        .map((entry) => `${head}${entry.word}`);
    }

    let corrected = text;
    let changed = false;
    for (const word of [...words].reverse()) {
      const folded = fold(word.text);
      if (folded.length < 4 || isStopWord(folded) || /\d/.test(folded)) continue;
      if (hasTerm(this.engine, stem(folded))) continue;
      if (typing && word === last && suggestions.completions.length) continue;
      const replacement = this.closestWord(folded);
      if (replacement && replacement.folded !== folded) {
        corrected = corrected.slice(0, word.start) + replacement.word + corrected.slice(word.end);
        changed = true;
      }
    }
    if (changed) suggestions.correction = corrected;
    return suggestions;
  }

  /**
   * One MiniSearch query per query word (or per synonym phrase): the word itself, with prefix and
   * typo tolerance, OR its synonyms. Documents are later ranked by how many groups they match.
   */
  private queryGroups(words: QueryWord[]): Query[] {
    const terms = words.map((word) => word.term);
    const synonymMatches = new Map(
      this.synonymTable.match(terms).map((match) => [match.start, match]),
    );
    const groups: Query[] = [];
    for (let i = 0; i < words.length;) {
      const synonyms = synonymMatches.get(i);
      const length = synonyms?.length ?? 1;
      const own = words.slice(i, i + length).map((word) => this.wordQuery(word));
      const alternatives: Query[] = [
        own.length === 1 ? own[0]! : { combineWith: 'AND', queries: own },
      ];
      for (const phrase of synonyms?.alternatives ?? []) {
        alternatives.push({ combineWith: 'AND', queries: phrase, boostTerm: () => SYNONYM_WEIGHT });
      }
      groups.push(
        alternatives.length === 1 ? alternatives[0]! : { combineWith: 'OR', queries: alternatives },
      );
      i += length;
    }
    return groups;
  }

  private wordQuery(word: QueryWord): Query {
    if (word.partial && word.folded.length <= SHORT_PREFIX) return this.shortPrefixQuery(word);
    const unstemmed = word.folded !== word.term;
    const alternatives: Query[] = [
      { queries: [word.term], fuzzy: typoTolerance(word.term), prefix: word.partial && !unstemmed },
    ];
    // Stemming a misspelt or unfinished word can cut it further from the right term
    // ("kabinet" → "kabin" but "Kabinett" → "kabinett"; "aufent" → "auf"), so the unstemmed
    // form gets its own lookup: typo-tolerant, and as a prefix while it is being typed.
    if (unstemmed) {
      alternatives.push({
        queries: [word.folded],
        fuzzy: typoTolerance(word.folded),
        prefix: word.partial,
      });
    }
    // A compound the content does not contain may still name something it does:
    // "Wohngeldrechner" → Wohngeld. Only for words that find nothing, not even with typos.
    if (!word.partial && word.folded.length >= MIN_SPLIT_QUERY_WORD && this.isUnknown(word)) {
      const part = this.vocabulary.knownPart(word.folded);
      const term = part === undefined ? undefined : stem(part);
      if (term && term.length >= MIN_QUERY_PART_TERM) {
        alternatives.push({ queries: [term], boostTerm: () => QUERY_PART_WEIGHT });
      }
    }
    return alternatives.length === 1
      ? alternatives[0]!
      : { combineWith: 'OR', queries: alternatives };
  }

  /**
   * A prefix of one to three letters would match thousands of terms. Its most frequent
   * completions ("wo" → Wohngeld) in the short fields are faster and more useful.
   */
  private shortPrefixQuery(word: QueryWord): Query {
    const completions = this.vocabulary
      .complete(word.folded, SHORT_PREFIX_COMPLETIONS)
      .map((entry) => stem(entry.folded))
      .filter((term) => term !== word.term);
    return {
      combineWith: 'OR',
      fields: SHORT_PREFIX_FIELDS,
      queries: [
        { queries: [word.term] },
        { queries: [...new Set(completions)], boostTerm: () => COMPLETION_WEIGHT },
      ],
    };
  }

  /** No index term equals the word or lies within its typo tolerance. */
  private isUnknown(word: QueryWord): boolean {
    if (hasTerm(this.engine, word.term) || hasTerm(this.engine, word.folded)) return false;
    return termsNear(this.engine, word.folded, typoTolerance(word.folded)).length === 0;
  }

  /**
   * Documents matching every group are the results, if there are any (AND semantics, like a web
   * search). Otherwise, e.g. for questions ("Wie beantrage ich Elterngeld?"), the results are
   * the documents with one of the specific words (matching at most a few times as many
   * documents as the rarest word: "Elterngeld", not "beantrage") and those matching the most
   * words, ranked by how many words they match.
   */
  private rank(matches: Map<number, DocumentMatch>, groupCount: number): [number, DocumentMatch][] {
    let best = 0;
    const documentsPerGroup = new Array<number>(groupCount).fill(0);
    for (const match of matches.values()) {
      best = Math.max(best, match.groups.size);
      for (const group of match.groups) documentsPerGroup[group]!++;
    }
    const rarest = Math.min(...documentsPerGroup.filter((count) => count > 0));
    const isSpecific = (group: number) => documentsPerGroup[group]! <= rarest * SPECIFICITY_RATIO;
    const keep = (match: DocumentMatch) =>
      best === groupCount
        ? match.groups.size === groupCount
        : [...match.groups].some(isSpecific) || (best > 1 && match.groups.size === best);
    const entries = [...matches].filter(([, match]) => keep(match));
    for (const [, match] of entries) match.score *= (match.groups.size / groupCount) ** 2;
    return entries.sort((a, b) => b[1].score - a[1].score);
  }

  private hit(id: number, match: DocumentMatch): SearchHit {
    const doc = this.documents[id]!;
    const textMatches = findMatches(doc.text, match.terms);
    // The summary is the snippet only when the body has no match (it runs for every hit).
    const snippet =
      textMatches.length || !doc.summary
        ? makeSnippet(doc.text, textMatches)
        : makeSnippet(doc.summary, findMatches(doc.summary, match.terms));
    const hit: SearchHit = {
      id: doc.id,
      title: doc.title,
      url: doc.url,
      summary: doc.summary,
      score: match.score,
      titleMatches: findMatches(doc.title, match.terms),
      snippet,
    };
    for (const key of [
      'category',
      'partners',
      'levels',
      'updated',
      'lang',
      'titleBreaks',
    ] as const) {
      if (doc[key] !== undefined) Object.assign(hit, { [key]: doc[key] });
    }
    return hit;
  }

  /** The known word closest to an unknown one, preferring fewer edits, then frequent words. */
  private closestWord(folded: string): VocabularyWord | undefined {
    const maxDistance = folded.length >= 8 ? 2 : 1;
    let best: { word: VocabularyWord; distance: number } | undefined;
    for (const [term, distance] of termsNear(this.engine, stem(folded), maxDistance)) {
      const word = this.vocabulary.wordForTerm(term);
      if (!word) continue;
      const better =
        !best ||
        distance < best.distance ||
        (distance === best.distance && word.documentFrequency > best.word.documentFrequency);
      if (better) best = { word, distance };
    }
    return best?.word;
  }
}
