/**
 * What a query looks up: for every query word a group of options, each a set of index keys with
 * the weight their matches count with. The options of one word:
 *
 * - the word itself: its exact, folded and stem keys (see analysis/index-keys.ts), and, while it
 *   is being typed, its most frequent completions;
 * - its typo variants, if the word is unknown or rare (a well-attested word is spelled right);
 * - an unknown or rare compound as its known parts, near each other ("webanalyse" →
 *   "Web-Analyse", "barrierefreiheitserklarung" → "Erklärung zur Barrierefreiheit");
 * - the word joined with its neighbour ("mind map" → "Mindmap");
 * - synonyms and abbreviations, for the word or a phrase of up to four words.
 *
 * Planning only reads the vocabulary; the keys it names are looked up by scoring.ts. A sharded
 * index loads exactly these keys before the search runs, so both formats rank alike.
 */
import { namingKey, wordKeys } from './analysis/index-keys.js';
import { QueryRelation } from './analysis/index-keys.js';
import type { QueryWord } from './query.js';
import type { SynonymTable } from './synonym-table.js';
import type { Vocabulary } from './vocabulary.js';

/** One key to look up, and how its matches count. */
export interface KeyLookup {
  key: string;
  /** How the key relates to what was typed (exact form, folded, stem). */
  relation: QueryRelation;
  /** Extra factor: below 1 for completions, typo variants, parts. */
  weight: number;
  /** A typo variant of the typed word. */
  typo: boolean;
}

/** The lookups standing for one word: a document's best lookup is its match for the word. */
export interface WordPlan {
  /** The word as typed (or the part, the synonym). */
  text: string;
  lookups: KeyLookup[];
  /** Keys whose document frequency gives the word's IDF: its own, else all lookups. */
  ownKeys: string[];
  /** The document frequency for the IDF, where the keys' own would not tell (short prefixes). */
  documentFrequency?: number;
}

/** A way to match a group: every word plan must match (AND). */
export interface GroupOption {
  plans: WordPlan[];
  weight: number;
  /** Rewards documents where the plans' words stand close together (split compounds). */
  proximity: boolean;
}

/** One query word (or a synonym phrase of several): documents are ranked by the groups they match. */
export interface QueryGroup {
  words: QueryWord[];
  options: GroupOption[];
}

/** Up to this many letters, the word being typed stands for its most frequent completions only. */
export const SHORT_PREFIX = 3;
export const SHORT_PREFIX_COMPLETIONS = 3;
const PREFIX_COMPLETIONS = 12;
export const WEIGHTS = {
  completion: 0.6,
  synonym: 0.8,
  /** A split compound: its parts, together. */
  split: 0.7,
  /** One known part standing for an unknown compound ("Wohngeldrechner" → Wohngeld). */
  knownPart: 0.4,
  /** Two typed words joined into a closed compound. */
  joined: 0.9,
  typo: [1, 0.5, 0.3],
} as const;
/** Typo variants are tried only for words in fewer documents than this. */
const TYPO_MAX_DOCUMENTS = 3;
const MAX_TYPO_VARIANTS = 4;
/** Compounds this long that are unknown or rare are also tried as their parts. */
const MIN_SPLIT_WORD = 8;
const SPLIT_MAX_DOCUMENTS = 2;

/** Edit distance allowed for a word: none for short words (EPK must not find EBK), more for long ones. */
export function typoTolerance(folded: string): number {
  if (folded.length >= 9) return 2;
  if (folded.length >= 5) return 1;
  return 0;
}

export interface PlanContext {
  vocabulary: Vocabulary;
  synonyms: SynonymTable;
  /** Number of documents with `key` (0 if none). */
  documentFrequency(key: string): number;
  /**
   * Whether some postings asked for are not loaded yet (a sharded index between rounds): the
   * document frequencies seen may then be 0 for words the index has.
   */
  postingsPending?(): boolean;
}

/** The word's own keys, each once, strongest relation first. */
function ownLookups(exact: string, folded: string, term: string, weight = 1): KeyLookup[] {
  const lookups: KeyLookup[] = [{ key: exact, relation: QueryRelation.Exact, weight, typo: false }];
  if (folded !== exact)
    lookups.push({ key: folded, relation: QueryRelation.Fold, weight, typo: false });
  if (term !== folded && term !== exact)
    lookups.push({ key: term, relation: QueryRelation.Stem, weight, typo: false });
  return lookups;
}

export class QueryPlanner {
  constructor(private readonly context: PlanContext) {}

  plan(words: readonly QueryWord[]): QueryGroup[] {
    const synonymMatches = new Map(
      this.context.synonyms
        .match(words.map((word) => word.term))
        .map((match) => [match.start, match]),
    );
    const groups: QueryGroup[] = [];
    for (let i = 0; i < words.length;) {
      const synonyms = synonymMatches.get(i);
      const span = words.slice(i, i + (synonyms?.length ?? 1));
      const options: GroupOption[] = [];
      if (span.length === 1) {
        options.push(...this.wordOptions(span[0]!));
      } else {
        options.push({
          plans: span.map((word) => this.wordPlan(word)),
          weight: 1,
          proximity: false,
        });
      }
      for (const phrase of synonyms?.alternatives ?? []) {
        options.push({
          plans: phrase.map((term) => ({
            text: term,
            lookups: [{ key: term, relation: QueryRelation.Exact, weight: 1, typo: false }],
            ownKeys: [term],
          })),
          weight: WEIGHTS.synonym,
          proximity: false,
        });
      }
      groups.push({ words: span, options });
      i += span.length;
    }
    this.addJoinedNeighbours(groups);
    return groups;
  }

  /**
   * Whether a word in `documents` documents is rare (at most `max`): then it is also tried as
   * typo variants or as its parts. While postings are still on their way (a sharded index
   * between rounds) a word only looks rare, and trying it would fetch the vocabulary and
   * postings of words it does not need; the next round, with its postings, decides.
   */
  private isRare(documents: number, max: number): boolean {
    return documents <= max && !this.context.postingsPending?.();
  }

  /** The options of a single word: itself, typo variants, its parts. */
  private wordOptions(word: QueryWord): GroupOption[] {
    const options: GroupOption[] = [{ plans: [this.wordPlan(word)], weight: 1, proximity: false }];
    if (word.partial || word.folded.length < MIN_SPLIT_WORD) return options;
    const known = this.context.documentFrequency(word.term);
    if (!this.isRare(known, SPLIT_MAX_DOCUMENTS)) return options;
    const vocabulary = this.context.vocabulary;
    const parts = vocabulary.split(word.folded);
    if (parts) {
      options.push({
        plans: parts.map((part) => this.partPlan(part)),
        weight: WEIGHTS.split,
        proximity: true,
      });
    } else if (known === 0) {
      const part = vocabulary.knownPart(word.folded);
      if (part)
        options.push({ plans: [this.partPlan(part)], weight: WEIGHTS.knownPart, proximity: false });
    }
    return options;
  }

  /** The lookups of one typed word: its keys, completions while typing, typo variants. */
  private wordPlan(word: QueryWord): WordPlan {
    const keys = wordKeys(word.text);
    const exact = keys?.exact ?? word.exact;
    const vocabulary = this.context.vocabulary;
    if (word.partial && word.folded.length <= SHORT_PREFIX)
      return this.shortPrefixPlan(word, exact);
    const lookups = ownLookups(exact, word.folded, word.term);
    const ownKeys = lookups.map((lookup) => lookup.key);
    let completed = false;
    if (word.partial) {
      const completions = vocabulary
        .startingWith(word.folded, PREFIX_COMPLETIONS)
        .filter((entry) => entry.folded !== word.folded);
      for (const completion of completions) {
        lookups.push({
          key: completion.folded,
          relation: QueryRelation.Fold,
          weight: WEIGHTS.completion,
          typo: false,
        });
      }
      completed = completions.length > 0;
    }
    const tolerance = typoTolerance(word.folded);
    if (
      !completed &&
      tolerance > 0 &&
      this.isRare(this.context.documentFrequency(word.term), TYPO_MAX_DOCUMENTS - 1)
    ) {
      for (const { entry, distance } of vocabulary
        .near(word.folded, tolerance)
        .slice(0, MAX_TYPO_VARIANTS)) {
        // The close word is looked up as if it had been typed: its written form first.
        const weight = WEIGHTS.typo[distance] ?? 0;
        for (const lookup of ownLookups(
          entry.word.normalize('NFC').toLowerCase(),
          entry.folded,
          entry.stem,
          weight,
        )) {
          lookups.push({ ...lookup, typo: true });
        }
      }
    }
    return { text: word.text, lookups, ownKeys };
  }

  /**
   * A prefix of one to three letters matches everywhere, so it stands for itself and its most
   * frequent completions where documents are named only: their naming keys, which hold just
   * those postings (see analysis/index-keys.ts). Its IDF is that of the whole word (or of its
   * most frequent completion), from the vocabulary, as if the full postings had been counted.
   */
  private shortPrefixPlan(word: QueryWord, exact: string): WordPlan {
    const vocabulary = this.context.vocabulary;
    const own = ownLookups(exact, word.folded, word.term);
    const completions = vocabulary
      .startingWith(word.folded, SHORT_PREFIX_COMPLETIONS)
      .filter((entry) => entry.folded !== word.folded);
    const lookups: KeyLookup[] = [
      ...own,
      ...completions.map((completion) => ({
        key: completion.folded,
        relation: QueryRelation.Fold,
        weight: WEIGHTS.completion,
        typo: false,
      })),
    ].map((lookup) => ({ ...lookup, key: namingKey(lookup.key) }));
    const documentFrequency =
      vocabulary.get(word.folded)?.documentFrequency ||
      Math.max(0, ...completions.map((completion) => completion.documentFrequency));
    return {
      text: word.text,
      lookups,
      ownKeys: own.map((lookup) => namingKey(lookup.key)),
      ...(documentFrequency > 0 ? { documentFrequency } : {}),
    };
  }

  /** A known part of a compound (folded), looked up like a word of its own. */
  private partPlan(folded: string): WordPlan {
    const entry = this.context.vocabulary.get(folded);
    const lookups = ownLookups(folded, folded, entry?.stem ?? folded);
    return { text: entry?.word ?? folded, lookups, ownKeys: lookups.map((lookup) => lookup.key) };
  }

  /**
   * Two neighbouring words may be one closed compound in the documents ("mind map" →
   * "Mindmap", "passwort manager" → "Passwort-Manager"): the joined word becomes an option of
   * both groups, so a document with it matches both.
   */
  private addJoinedNeighbours(groups: QueryGroup[]): void {
    for (let i = 0; i + 1 < groups.length; i++) {
      const [left, right] = [groups[i]!, groups[i + 1]!];
      if (left.words.length !== 1 || right.words.length !== 1) continue;
      const [a, b] = [left.words[0]!, right.words[0]!];
      const folded = a.folded + b.folded;
      const plan = this.wordPlan({
        text: `${a.text}${b.text}`,
        exact: a.exact + b.exact,
        folded,
        term: wordKeys(folded)?.stem ?? folded,
        start: a.start,
        end: b.end,
        partial: b.partial,
      });
      const joined: GroupOption = { plans: [plan], weight: WEIGHTS.joined, proximity: false };
      left.options.push(joined);
      right.options.push(joined);
    }
  }
}
