/**
 * Drawing known-item targets: documents whose heading holds a German compound that no other
 * heading of the set holds, in a seeded order; then, for each kind of query, the first targets
 * for which that kind can be made.
 */
import { IndependentSplitter } from './compound-split.js';
import { countWords, wordsOf, type CorpusDocument } from './corpus-stats.js';
import { KINDS, makeQueries, type Kind, type WordKnowledge } from './query-kinds.js';
import { seededRandom, shuffled } from './random.js';

/** Function words never chosen as the second word of a "two words" query. */
const FUNCTION_WORDS = new Set(
  `der die das den dem des ein eine einer eines einem einen und oder aber für von vom bis als wie
  ohne mit bei beim nach zur zum über unter durch gegen sowie auf aus an am im in ins zu nicht
  sich sie ihr ihre ihren sein seine kein keine nur auch wenn dass ob was wer wo sind ist wird
  werden kann können hat haben soweit sonstige sonstigen anderen andere`
    .split(/\s+/)
    .filter(Boolean),
);

const MIN_COMPOUND_LETTERS = 7;

export interface KnownItemTarget {
  expected: string;
  title: string;
  compound: string;
  parts: string[];
  queries: Partial<Record<Kind, string>>;
}

export interface KnownItemSet {
  description: string;
  seed: number;
  perKind: number;
  /** Documents indexed for this set. */
  documents: number;
  /** Documents whose heading holds a compound that no other heading holds. */
  eligible: number;
  targets: KnownItemTarget[];
}

export interface TargetRules {
  /** The heading of a document: the part of its title that names the section. */
  heading: (doc: CorpusDocument) => string;
  /** Distinctive words for "two words" where the heading has no second one (the rarest wins). */
  fallbackCompanions: (doc: CorpusDocument) => string[];
}

/** Heading words: runs of letters, as written. */
const headingWords = wordsOf;

function isCompoundCandidate(word: string): boolean {
  return word.length >= MIN_COMPOUND_LETTERS && /^\p{Lu}\p{Ll}+$/u.test(word);
}

export function drawTargets(
  docs: readonly CorpusDocument[],
  rules: TargetRules,
  dictionary: ReadonlySet<string>,
  options: { seed: number; perKind: number; description: string },
): KnownItemSet {
  const { frequency, documentFrequency, writtenLowerCase } = countWords(docs);
  const splitter = new IndependentSplitter(dictionary, frequency);
  const words: WordKnowledge = {
    isWord: (word) => dictionary.has(word) || frequency.has(word),
    isListed: (word) => dictionary.has(word),
    frequency: (word) => frequency.get(word) ?? 0,
  };

  // Which documents have each (lower-cased) word in their heading.
  const headingHolders = new Map<string, number>();
  const headings = docs.map((doc) => rules.heading(doc));
  for (const heading of headings)
    for (const word of new Set(headingWords(heading).map((w) => w.toLowerCase())))
      headingHolders.set(word, (headingHolders.get(word) ?? 0) + 1);

  const eligible: { doc: CorpusDocument; targetWords: string[]; compound: string }[] = [];
  docs.forEach((doc, i) => {
    const words = headingWords(headings[i]!);
    const compound = words.find(
      (word) =>
        isCompoundCandidate(word) &&
        // A noun: never written in lower case ("Spezifisches" at the start of a heading is not).
        !writtenLowerCase.has(word.toLowerCase()) &&
        headingHolders.get(word.toLowerCase()) === 1 &&
        splitter.split(word) !== null,
    );
    if (compound) eligible.push({ doc, targetWords: words, compound });
  });
  eligible.sort((a, b) => (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0));

  const order = shuffled(eligible, seededRandom(options.seed));
  const taken = new Map<Kind, number>(KINDS.map((kind) => [kind, 0]));
  const targets: KnownItemTarget[] = [];
  for (const { doc, targetWords, compound } of order) {
    if ([...taken.values()].every((count) => count >= options.perKind)) break;
    const split = splitter.split(compound)!;
    const lowerCompound = compound.toLowerCase();
    // Not a part of the compound, nor the compound a part of it, nor a function word.
    const usable = (word: string) =>
      !lowerCompound.includes(word.toLowerCase()) &&
      !word.toLowerCase().includes(lowerCompound) &&
      !FUNCTION_WORDS.has(word.toLowerCase());
    // The rarest word is the most distinctive one.
    const rarest = (candidates: string[]) =>
      [...candidates].sort(
        (a, b) =>
          (documentFrequency.get(a.toLowerCase()) ?? 0) -
          (documentFrequency.get(b.toLowerCase()) ?? 0),
      )[0];
    const companion =
      rarest(targetWords.filter((word) => word.length >= 4 && !/\d/.test(word) && usable(word))) ??
      rarest(rules.fallbackCompanions(doc).filter(usable)) ??
      null;
    const all = makeQueries({ id: doc.id, compound, split, companion }, words);
    const queries: Partial<Record<Kind, string>> = {};
    for (const kind of KINDS) {
      const query = all[kind];
      if (query === undefined || taken.get(kind)! >= options.perKind) continue;
      queries[kind] = query;
      taken.set(kind, taken.get(kind)! + 1);
    }
    if (Object.keys(queries).length)
      targets.push({ expected: doc.id, title: doc.title, compound, parts: split.parts, queries });
  }
  return {
    description: options.description,
    seed: options.seed,
    perKind: options.perKind,
    documents: docs.length,
    eligible: eligible.length,
    targets,
  };
}
