/**
 * Scores the documents of each query group. For one word, a document's score is that of its best
 * lookup: per field BM25+ of the occurrences, each weighted by the evidence it is (exact form,
 * folded spelling, another inflection, compound part; see analysis/index-keys.ts) and by the
 * lookup's own weight (completion, typo), summed over the fields with their boosts, times the
 * word's IDF.
 *
 * Scores are kept in arrays indexed by document number rather than in objects per document:
 * a common word matches thousands of documents on every keystroke, and the garbage of one
 * object each would cost more than the scoring.
 */
import { KEY_KINDS, matchWeight, QueryRelation } from './analysis/index-keys.js';
import { BM25, BOOST_BY_FIELD, EVIDENCE_EXPONENT, LENGTH_NORMALIZATION } from './engine.js';
import { classLength } from './postings.js';
import type { GroupOption, KeyLookup, QueryGroup, WordPlan } from './query-plan.js';
import { indexOfSorted } from './sorted.js';
import type { IndexStore } from './store.js';

/** Scores of documents, by document number; `documents` lists those with a score, once each. */
export class DocumentScores {
  readonly scores: Float64Array;
  /** The score came from a typo variant. */
  readonly typo: Uint8Array;
  readonly documents: number[] = [];

  constructor(size: number) {
    this.scores = new Float64Array(size);
    this.typo = new Uint8Array(size);
  }

  /** Keeps the higher of the known and the new score. */
  offer(document: number, score: number, typo: boolean): void {
    const known = this.scores[document]!;
    if (known === 0) this.documents.push(document);
    if (score > known) {
      this.scores[document] = score;
      this.typo[document] = typo ? 1 : 0;
    }
  }
}

/**
 * Evidence weights by relation, then field × kind: `matchWeight` raised to the field's
 * exponent, computed once instead of per posting entry.
 */
const WEIGHTS_BY_RELATION: readonly Float64Array[] = [
  QueryRelation.Exact,
  QueryRelation.Fold,
  QueryRelation.Stem,
].map((relation) =>
  Float64Array.from({ length: BOOST_BY_FIELD.length * KEY_KINDS }, (_, i) => {
    const field = Math.floor(i / KEY_KINDS);
    return matchWeight(relation, i % KEY_KINDS) ** EVIDENCE_EXPONENT[field]!;
  }),
);

/** First position of a word per field of each document, for the proximity of split parts. */
type Positions = Map<number, Map<number, number>>;

/** Parts of a split compound this many positions apart or closer count as standing together. */
const NEAR = 3;

/** IDF (BM25's, always positive) of a key in `df` of `n` documents. */
export function inverseDocumentFrequency(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function saturation(tf: number, length: number, average: number, b: number): number {
  const norm = 1 - b + (b * length) / Math.max(average, 1);
  // BM25+'s lower bound, scaled down for weaker evidence: otherwise it would narrow the gap
  // between one exact occurrence and one of another inflection.
  return (tf * (BM25.k1 + 1)) / (tf + BM25.k1 * norm) + BM25.delta * Math.min(1, tf);
}

export class Scorer {
  constructor(private readonly store: IndexStore) {}

  /** Number of documents with `key`. */
  documentFrequency(key: string): number {
    return this.store.postings(key)?.documents.length ?? 0;
  }

  /** The IDF of a word: from its own keys (the broadest), else from what its lookups found. */
  wordIdf(plan: WordPlan): number {
    if (plan.documentFrequency !== undefined)
      return inverseDocumentFrequency(plan.documentFrequency, this.store.documentCount);
    let df = 0;
    for (const key of plan.ownKeys) df = Math.max(df, this.documentFrequency(key));
    if (df === 0) {
      for (const lookup of plan.lookups) df = Math.max(df, this.documentFrequency(lookup.key));
    }
    return inverseDocumentFrequency(df, this.store.documentCount);
  }

  /** Documents matching `group`, with the score of their best option. */
  scoreGroup(group: QueryGroup): DocumentScores {
    const result = new DocumentScores(this.store.documentCount);
    for (const option of group.options) this.addOption(option, result);
    return result;
  }

  /** Whether `document` has `key` (for highlighting the keys a hit matched). */
  documentHas(key: string, document: number): boolean {
    const postings = this.store.postings(key);
    return postings !== undefined && indexOfSorted(postings.documents, document) >= 0;
  }

  private addOption(option: GroupOption, result: DocumentScores): void {
    const positions: Positions[] | undefined = option.proximity ? [] : undefined;
    const perPlan = option.plans.map((plan, i) => {
      if (positions) positions[i] = new Map();
      return this.scoreWord(plan, positions?.[i]);
    });
    const [first, ...others] = perPlan;
    if (!first) return;
    for (const document of first.documents) {
      let score = first.scores[document]!;
      let typo = first.typo[document] === 1;
      let all = true;
      for (const other of others) {
        const each = other.scores[document]!;
        if (each === 0) {
          all = false;
          break;
        }
        score += each;
        typo ||= other.typo[document] === 1;
      }
      if (!all) continue;
      // A compound split into its parts stands for one word: the parts' mean, not their sum, or
      // two parts would outweigh the whole word.
      if (positions) score *= proximity(positions, document) / perPlan.length;
      result.offer(document, score * option.weight, typo);
    }
  }

  private scoreWord(plan: WordPlan, positions?: Positions): DocumentScores {
    const idf = this.wordIdf(plan);
    const result = new DocumentScores(this.store.documentCount);
    for (const lookup of plan.lookups) this.addLookup(lookup, idf, result, positions);
    return result;
  }

  private addLookup(
    lookup: KeyLookup,
    idf: number,
    result: DocumentScores,
    positions?: Positions,
  ): void {
    const postings = this.store.postings(lookup.key);
    if (!postings) return;
    const { documents, starts, entries } = postings;
    const averages = this.store.averageFieldLengths;
    const weights = WEIGHTS_BY_RELATION[lookup.relation]!;
    const tf = new Float64Array(BOOST_BY_FIELD.length);
    const lengths = new Float64Array(BOOST_BY_FIELD.length);
    for (let d = 0; d < documents.length; d++) {
      tf.fill(0);
      const document = documents[d]!;
      for (let e = starts[d]!; e < starts[d + 1]!; e++) {
        const at = e * 5;
        const field = entries[at]!;
        if (field >= tf.length) continue;
        tf[field]! += entries[at + 2]! * weights[field * KEY_KINDS + entries[at + 1]!]!;
        lengths[field] = classLength(entries[at + 4]!);
        if (positions) recordPosition(positions, document, field, entries[at + 3]!);
      }
      let score = 0;
      for (let field = 0; field < tf.length; field++) {
        const count = tf[field]!;
        if (count === 0) continue;
        score +=
          BOOST_BY_FIELD[field]! *
          saturation(count, lengths[field]!, averages[field] ?? 1, LENGTH_NORMALIZATION[field]!);
      }
      if (score > 0) result.offer(document, score * idf * lookup.weight, lookup.typo);
    }
  }
}

function recordPosition(positions: Positions, document: number, field: number, at: number): void {
  let byField = positions.get(document);
  if (!byField) positions.set(document, (byField = new Map()));
  const known = byField.get(field);
  if (known === undefined || at < known) byField.set(field, at);
}

/**
 * 1 when the parts stand within a few words of each other in one field, less when they only
 * share a field, least when they are in different fields.
 */
function proximity(positions: Positions[], document: number): number {
  let best = 0.6;
  const [first, ...others] = positions.map((each) => each.get(document));
  if (!first) return best;
  for (const [field, position] of first) {
    let near = true;
    let shared = true;
    for (const other of others) {
      const at = other?.get(field);
      if (at === undefined) {
        shared = false;
        break;
      }
      if (Math.abs(at - position) > NEAR) near = false;
    }
    if (shared) best = Math.max(best, near ? 1 : 0.8);
  }
  return best;
}
