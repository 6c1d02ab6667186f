/**
 * A loaded index: German search with synonyms, completion of the word being typed, typo
 * tolerance, compounds both ways, ranking and snippets. DOM-free; the components talk only to
 * this class (or to anything with the same `search` / `suggest` methods, such as a worker proxy
 * or a sharded index).
 *
 * Ranking: documents with every query word first, by score; then documents with the most and
 * the rarest words (IDF-weighted coordination; a word matched only through a typo counts half),
 * so a query never comes back empty while some of its words match. A document whose title is
 * the query comes before one that only contains it.
 */
import { fold, isStopWord } from './analysis/analyzer.js';
import { FilterCatalog, FilterPlan, readFacets, readFilters } from './facets.js';
import { phraseKey, plainKey, wordKeys } from './analysis/index-keys.js';
import { tokenize } from './analysis/tokenize.js';
import { analyzeQuery, MAX_QUERY_LENGTH, type QueryWord } from './query.js';
import { QueryPlanner, type QueryGroup } from './query-plan.js';
import { Scorer } from './scoring.js';
import { sectionMatches, type MatchedWord } from './section-hits.js';
import { findMatches, makeSnippet } from './snippet.js';
import type { IndexStore } from './store.js';
import { firstInOrder } from './sorted.js';
import { SynonymTable } from './synonym-table.js';
import { cutText } from './text.js';
import type {
  FilterValues,
  SearchHit,
  SearchOptions,
  SearchResults,
  SerializedIndex,
  SuggestOptions,
  Suggestions,
} from './types.js';
import { Vocabulary, type VocabularySource, type VocabularyWord } from './vocabulary.js';

/**
 * When no document has all words, words in more than this many times the documents of the
 * rarest matched word are too common to bring in results of their own ("beantrage" in "Wie
 * beantrage ich Elterngeld?").
 */
const SPECIFICITY_RATIO = 5;
/** A group matched only through a typo variant counts this much in the coordination. */
const TYPO_COVERAGE = 0.5;
/** A document whose title, title segment or heading is the query. */
const NAMED_BY_QUERY = 1.5;
/** Completions of the last word considered, and checked for co-occurrence with the words before. */
const COMPLETION_CANDIDATES = 40;
const PHRASE_CANDIDATES = 10;
/** Co-occurrence is checked from this many letters of the last word on (fewer match too much). */
const PHRASE_MIN_PREFIX = 3;
/** Hits per call at most: more would make one call slow (every hit gets its snippets). */
const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 10;

/** A count option (`limit`, `offset`): a whole number from 0 to `max`, else `fallback`. */
function countOption(value: unknown, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || Number.isNaN(value)) return fallback;
  return Math.min(max, Math.max(0, Math.floor(value)));
}

/** The options as given: from JavaScript callers, any value, each checked where it is read. */
function givenOptions(options: unknown): Partial<Record<keyof SearchOptions, unknown>> {
  return typeof options === 'object' && options !== null ? options : {};
}

/** A ranked search (`SearchIndex.rankSearch`): its hits are built on demand. */
export interface RankedSearch {
  /** The numbers of the documents the hits shown are built from. */
  readonly documents: readonly number[];
  /** The results, with the hits' stored fields and snippets (reads `documents`). */
  results(): SearchResults;
}

/**
 * The documents matching a query, unordered: those with every group, then those with enough of
 * them. Only the hits shown are put in order (`first`), not the thousands a common word matches.
 */
interface Ranking {
  complete: number[];
  partial: number[];
  /** The first `count` of the given complete documents by score, then of the partial ones. */
  first(complete: number[], partial: number[], count: number): DocumentMatch[];
}

interface DocumentMatch {
  document: number;
  score: number;
  /** Bit g set: the document matches group g. */
  groups: number;
}

/** What a search needs besides postings and display fields, from a single file or a manifest. */
export interface SearchIndexData extends Pick<
  SerializedIndex,
  'dataDate' | 'builtAt' | 'synonyms' | 'language' | 'filterValues'
> {
  documentCount: number;
}

export class SearchIndex {
  /** "Datenstand": the date the content is current as of (`YYYY-MM-DD`). */
  readonly dataDate: string;
  /** When the index file was built (ISO 8601). */
  readonly builtAt: string;
  readonly documentCount: number;
  /** BCP 47 language of the content; documents with their own `lang` override it. */
  readonly language: string;
  private readonly vocabulary: Vocabulary;
  private readonly scorer: Scorer;
  private readonly planner: QueryPlanner;
  private readonly filterCatalog: FilterCatalog;

  constructor(
    private readonly store: IndexStore,
    vocabulary: VocabularySource,
    data: SearchIndexData,
  ) {
    this.dataDate = data.dataDate;
    this.builtAt = data.builtAt;
    this.documentCount = data.documentCount;
    this.language = typeof data.language === 'string' ? data.language : 'de';
    this.vocabulary = new Vocabulary(vocabulary);
    this.scorer = new Scorer(store);
    this.filterCatalog = new FilterCatalog(data.filterValues);
    this.planner = new QueryPlanner({
      vocabulary: this.vocabulary,
      synonyms: new SynonymTable(data.synonyms),
      documentFrequency: (key) => this.scorer.documentFrequency(key),
      postingsPending: () => store.postingsPending?.() ?? false,
    });
  }

  /**
   * The filter fields of the index and their values with document counts: what a filter UI
   * lists (see `SearchOptions.filters`).
   */
  get filterValues(): FilterValues {
    return this.filterCatalog.values;
  }

  /** Finds documents for `query`; see SearchOptions for paging, prefix, filters and facets. */
  search(query: string, options: SearchOptions = {}): SearchResults {
    return this.rankSearch(query, options).results();
  }

  /**
   * Ranks `query` without touching any stored document: what the hits shown will need is
   * `documents`, and `results()` builds them. A sharded index loads those documents in
   * between, instead of ranking twice.
   */
  rankSearch(query: string, options: SearchOptions = {}): RankedSearch {
    const given = givenOptions(options);
    const limit = countOption(given.limit, DEFAULT_LIMIT, MAX_LIMIT);
    const offset = countOption(given.offset, 0);
    const facets = readFacets(given.facets);
    const words = analyzeQuery(query, given.prefix !== false);
    if (words.length === 0) {
      const empty: SearchResults = { query, total: 0, hits: [] };
      if (facets) empty.facets = Object.fromEntries(facets.map((field) => [field, {}]));
      return { documents: [], results: () => empty };
    }

    const filters = readFilters(given.filters);
    const plan =
      filters.size || facets
        ? new FilterPlan(this.filterCatalog, this.store, filters, facets)
        : undefined;
    const groups = this.planner.plan(words);
    const idfs = groups.map((group) => this.groupIdf(group));
    if (this.store.incomplete && this.lacksKeys(groups, words)) {
      // Scoring thousands of postings would be thrown away: the search runs again with them.
      return { documents: [], results: () => ({ query, total: 0, hits: [] }) };
    }
    const ranking = this.rank(groups, words, idfs);
    const passes = (tier: number[]) =>
      plan ? tier.filter((document) => plan.passes(document)) : tier;
    const complete = passes(ranking.complete);
    const partial = passes(ranking.partial);
    // The best hit is wanted even without any shown: it tells which words no document has.
    const first = ranking.first(complete, partial, Math.max(offset + limit, 1));
    const shown = first.slice(offset, offset + limit);
    const facetCounts =
      plan && facets ? plan.facetCounts([...ranking.complete, ...ranking.partial]) : undefined;
    return {
      documents: shown.map((match) => match.document),
      results: () => {
        const hits = shown.map((match) => this.hit(match, groups, idfs));
        const total = complete.length + partial.length;
        const results: SearchResults = { query, total, hits };
        const best = first[0];
        if (best && bitCount(best.groups) < groups.length) {
          results.missingWords = missingWords(groups, best);
        }
        if (facetCounts) results.facets = facetCounts;
        return results;
      },
    };
  }

  /**
   * The word of `query` (folded) if it is one word being typed, searched for the first page of
   * hits without filters: a sharded index's prefix packs hold those hits for short prefixes.
   */
  wordTypedAlone(query: string, options: SearchOptions = {}): string | undefined {
    const given = givenOptions(options);
    if (given.prefix === false || countOption(given.offset, 0) > 0) return undefined;
    if (readFilters(given.filters).size > 0) return undefined;
    const words = analyzeQuery(query, true);
    return words.length === 1 && words[0]!.partial ? words[0]!.folded : undefined;
  }

  /**
   * The word of `query` still being typed (folded) and the letters it may go on with, likeliest
   * first (see Vocabulary.nextLetters): what a sharded index loads ahead between keystrokes.
   */
  likelyNextLetters(
    query: string,
    options: SearchOptions = {},
  ): { word: string; letters: { letter: string; share: number }[] } | undefined {
    const given = givenOptions(options);
    if (given.prefix === false) return undefined;
    const last = analyzeQuery(query, true).at(-1);
    if (!last?.partial) return undefined;
    return { word: last.folded, letters: this.vocabulary.nextLetters(last.folded) };
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
      suggestions.completions = this.completions(head, fold(last.text), limit).map(
        (word) => `${head}${word}`,
      );
    }

    let corrected = text;
    let changed = false;
    for (const word of [...words].reverse()) {
      const folded = fold(word.text);
      if (folded.length < 4 || isStopWord(folded) || /\d/.test(folded)) continue;
      if (this.isKnown(word.text)) continue;
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

  // ---- Ranking ------------------------------------------------------------------------------

  private rank(
    groups: QueryGroup[],
    words: readonly QueryWord[],
    idfs: readonly number[],
  ): Ranking {
    const n = this.documentCount;
    const totalIdf = idfs.reduce((sum, idf) => sum + idf, 0) || 1;
    const score = new Float64Array(n);
    const coverage = new Float64Array(n);
    /** Bit g: the document matches group g (at most MAX_QUERY_WORDS groups). */
    const matched = new Uint32Array(n);
    const documents: number[] = [];
    const documentsPerGroup: number[] = [];
    groups.forEach((group, g) => {
      const scored = this.scorer.scoreGroup(group);
      documentsPerGroup[g] = scored.documents.length;
      for (const document of scored.documents) {
        if (matched[document] === 0) documents.push(document);
        score[document]! += scored.scores[document]!;
        matched[document]! |= 1 << g;
        coverage[document]! += (idfs[g]! * (scored.typo[document] ? TYPO_COVERAGE : 1)) / totalIdf;
      }
    });
    this.rewardNames(score, words);

    const all = (1 << groups.length) - 1;
    const byScore = (a: number, b: number) => score[b]! - score[a]! || a - b;
    const byCoverage = (a: number, b: number) => coverage[b]! - coverage[a]! || byScore(a, b);
    const complete = documents.filter((d) => matched[d] === all);
    const rarest = Math.min(...documentsPerGroup.filter((count) => count > 0));
    let specific = 0;
    documentsPerGroup.forEach((count, g) => {
      if (count <= rarest * SPECIFICITY_RATIO) specific |= 1 << g;
    });
    // Without all words: documents with several, or with one of the rarer words.
    const partial = documents.filter(
      (d) => matched[d] !== all && (matched[d]! & specific || bitCount(matched[d]!) > 1),
    );
    const match = (document: number): DocumentMatch => ({
      document,
      score: score[document]!,
      groups: matched[document]!,
    });
    return {
      complete,
      partial,
      first: (someComplete, somePartial, count) => {
        const best = firstInOrder(someComplete, count, byScore);
        if (best.length < count)
          best.push(...firstInOrder(somePartial, count - best.length, byCoverage));
        return best.map(match);
      },
    };
  }

  /**
   * Whether a store that loads in rounds lacks something the ranking of `groups` needs: asks
   * for every key it will look up (which notes the missing ones) without scoring any.
   */
  private lacksKeys(groups: QueryGroup[], words: readonly QueryWord[]): boolean {
    for (const group of groups) {
      for (const option of group.options) {
        for (const plan of option.plans) {
          for (const lookup of plan.lookups) this.store.postings(lookup.key);
        }
      }
    }
    this.postingsOfQueryName(words);
    return this.store.incomplete?.() ?? false;
  }

  /** The IDF of a group: that of its own words (a phrase sums its words). */
  private groupIdf(group: QueryGroup): number {
    const own = group.options[0];
    if (!own) return 0;
    return own.plans.reduce((sum, plan) => sum + this.scorer.wordIdf(plan), 0);
  }

  /**
   * A document whose title (or a segment of it, or a heading) is the query is named by it: it
   * comes before documents that only contain the words.
   */
  private rewardNames(score: Float64Array, words: readonly QueryWord[]): void {
    for (const document of this.postingsOfQueryName(words)?.documents ?? []) {
      score[document]! *= NAMED_BY_QUERY;
    }
  }

  /**
   * The postings of the documents named by the whole query (see rewardNames); none while its
   * last word is being typed, since a name is only the query once its last word is complete.
   */
  private postingsOfQueryName(words: readonly QueryWord[]) {
    if (words.at(-1)?.partial) return undefined;
    const key = phraseKey(words.map((word) => word.text));
    return key ? this.store.postings(key) : undefined;
  }

  private hit(match: DocumentMatch, groups: QueryGroup[], idfs: readonly number[]): SearchHit {
    const doc = this.store.document(match.document);
    const matched = this.matchedWords(match, groups, idfs);
    const keys = new Set(matched.flatMap((word) => [...word.keys]));
    const textMatches = findMatches(doc.text, keys);
    const sections = doc.sections?.length ? sectionMatches(doc, matched, keys) : undefined;
    // Without a match in the body, the best section's text shows where the page has the words;
    // the summary is the snippet only when neither has one.
    const snippet =
      textMatches.length || (!sections?.bestSnippet && !doc.summary)
        ? makeSnippet(doc.text, textMatches)
        : (sections?.bestSnippet ?? makeSnippet(doc.summary, findMatches(doc.summary, keys)));
    const hit: SearchHit = {
      id: doc.id,
      title: doc.title,
      url: doc.url,
      summary: doc.summary,
      score: match.score,
      titleMatches: findMatches(doc.title, keys),
      snippet,
    };
    for (const key of [
      'category',
      'partners',
      'levels',
      'updated',
      'lang',
      'titleBreaks',
      'type',
      'filters',
    ] as const) {
      if (doc[key] !== undefined) Object.assign(hit, { [key]: doc[key] });
    }
    if (sections?.sections.length) hit.sections = sections.sections;
    if (bitCount(match.groups) < groups.length) hit.missingWords = missingWords(groups, match);
    return hit;
  }

  /**
   * For each group `match` matched, the keys of it that its document has (what to highlight)
   * and the group's IDF (how much a section having it counts).
   */
  private matchedWords(
    match: DocumentMatch,
    groups: QueryGroup[],
    idfs: readonly number[],
  ): MatchedWord[] {
    const words: MatchedWord[] = [];
    groups.forEach((group, g) => {
      if (!(match.groups & (1 << g))) return;
      const keys = new Set<string>();
      for (const option of group.options) {
        for (const plan of option.plans) {
          for (const { key } of plan.lookups) {
            // A naming key is highlighted as its word, wherever the document has it.
            const word = plainKey(key);
            if (!keys.has(word) && this.scorer.documentHas(key, match.document)) keys.add(word);
          }
        }
      }
      words.push({ keys, weight: idfs[g]! });
    });
    return words;
  }

  // ---- Suggestions --------------------------------------------------------------------------

  /**
   * Completions of `prefix`, one per word (its inflections grouped under the most frequent
   * form), ranked by how many documents name it in a title, heading or keyword, then by
   * documents. After other words (`head`), completions that occur with them come first, so
   * "kündigungsfrist miete" continues with what pages about Kündigungsfristen say.
   */
  private completions(head: string, prefix: string, limit: number): string[] {
    if (!prefix) return [];
    const byStem = new Map<string, { best: VocabularyWord; naming: number; documents: number }>();
    for (const entry of this.vocabulary.startingWith(prefix, COMPLETION_CANDIDATES * 3)) {
      const group = byStem.get(entry.stem);
      if (!group) {
        byStem.set(entry.stem, {
          best: entry,
          naming: entry.namingFrequency,
          documents: entry.documentFrequency,
        });
      } else {
        if (isBetterForm(entry, group.best)) group.best = entry;
        group.naming += entry.namingFrequency;
        group.documents += entry.documentFrequency;
      }
    }
    let candidates = [...byStem.values()]
      .filter((group) => group.best.folded !== prefix || byStem.size === 1)
      .sort((a, b) => b.naming - a.naming || b.documents - a.documents)
      .slice(0, COMPLETION_CANDIDATES);
    const context = prefix.length >= PHRASE_MIN_PREFIX ? this.contextDocuments(head) : undefined;
    if (context) {
      const withContext = candidates
        .slice(0, PHRASE_CANDIDATES)
        .map((group) => ({ group, together: this.countIn(group.best.folded, context) }))
        .filter((candidate) => candidate.together > 0)
        .sort((a, b) => b.together - a.together);
      if (withContext.length) candidates = withContext.map((candidate) => candidate.group);
    }
    return candidates
      .filter((group) => group.best.folded !== prefix)
      .slice(0, limit)
      .map((group) => group.best.word);
  }

  /** Documents matching every word of `head` (undefined without words). */
  private contextDocuments(head: string): Set<number> | undefined {
    const words = analyzeQuery(head, false);
    if (words.length === 0) return undefined;
    let documents: Set<number> | undefined;
    for (const word of words) {
      const found = new Set<number>();
      for (const key of new Set([word.exact, word.folded, word.term])) {
        for (const document of this.store.postings(key)?.documents ?? []) found.add(document);
      }
      documents = documents ? new Set([...documents].filter((d) => found.has(d))) : found;
    }
    return documents;
  }

  private countIn(key: string, documents: Set<number>): number {
    let count = 0;
    for (const document of this.store.postings(key)?.documents ?? []) {
      if (documents.has(document)) count++;
    }
    return count;
  }

  /** Whether the index has the word under any of its keys. */
  private isKnown(text: string): boolean {
    const keys = wordKeys(text);
    if (!keys) return true;
    return [keys.exact, keys.folded, keys.stem].some(
      (key) => this.scorer.documentFrequency(key) > 0,
    );
  }

  /** The vocabulary word closest to an unknown one, preferring fewer edits, then frequent words. */
  private closestWord(folded: string): VocabularyWord | undefined {
    return this.vocabulary.near(folded, folded.length >= 8 ? 2 : 1)[0]?.entry;
  }
}

/**
 * The form that stands for a word's inflections: the one used in titles, headings and keywords
 * (usually the base form), then the most frequent, then the shortest.
 */
function isBetterForm(candidate: VocabularyWord, best: VocabularyWord): boolean {
  return (
    (candidate.namingFrequency - best.namingFrequency ||
      candidate.documentFrequency - best.documentFrequency ||
      best.word.length - candidate.word.length) > 0
  );
}

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest; rest &= rest - 1) count++;
  return count;
}

/** The typed words of the groups `match` lacks. */
function missingWords(groups: QueryGroup[], match: DocumentMatch): string[] {
  return groups
    .filter((_, g) => !(match.groups & (1 << g)))
    .flatMap((group) => group.words.map((word: QueryWord) => word.text));
}
