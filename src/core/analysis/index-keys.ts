/**
 * The keys a written word is indexed and searched under, and how strongly each one says "this is
 * the word". One word gives up to four kinds of key:
 *
 * | kind  | key                                  | "Glücksspiele" gives   |
 * |-------|--------------------------------------|------------------------|
 * | exact | the word in lower case (NFC)         | glücksspiele           |
 * | fold  | folded: ß, umlauts, ae/oe/ue         | glucksspiele           |
 * | stem  | the stem of the folded word          | glucksspiel            |
 * | head  | the stem of its compound's last part | spiel                  |
 * | part  | stems of its other compound parts    | gluck                  |
 *
 * and two neighbouring nouns give a **pair** key, their folded forms joined ("Mind Map" →
 * mindmap), so a closed compound typed by a visitor finds words written apart, and the other
 * way round.
 *
 * A key that equals a stronger one is not repeated: most words have no umlaut (exact = fold),
 * and many are their own stem. At query time each key of the typed word is looked up, and a
 * document's match is weighed by how the two relate (see `matchWeight`): an exact form is the
 * strongest evidence, then the same stem, a folded spelling, a typo, a compound part.
 */
import { fold } from './fold.js';
import { stem } from './stem.js';
import { isStopWord } from './stopwords.js';

export const KeyKind = {
  Exact: 0,
  Fold: 1,
  Stem: 2,
  Part: 3,
  Pair: 4,
  Head: 5,
  Phrase: 6,
} as const;
export type KeyKind = (typeof KeyKind)[keyof typeof KeyKind];

export const KEY_KINDS = 7;

export interface WordKeys {
  /** Lower case, NFC: the exact written form. */
  exact: string;
  folded: string;
  stem: string;
}

/** The exact, folded and stem keys of one word, or null for stop words and words without letters or digits. */
export function wordKeys(word: string): WordKeys | null {
  const exact = word.normalize('NFC').toLowerCase();
  const folded = fold(exact);
  if (!folded || isStopWord(folded) || !/[\p{L}\p{N}]/u.test(folded)) return null;
  return { exact, folded, stem: stem(folded) };
}

/** The distinct keys of `keys` with their kind, strongest first. */
export function keysWithKinds(keys: WordKeys): [key: string, kind: KeyKind][] {
  const list: [string, KeyKind][] = [[keys.exact, KeyKind.Exact]];
  if (keys.folded !== keys.exact) list.push([keys.folded, KeyKind.Fold]);
  if (keys.stem !== keys.folded && keys.stem !== keys.exact) list.push([keys.stem, KeyKind.Stem]);
  return list;
}

/**
 * How the typed word relates to a key looked up for it: the key is its exact form, its folded
 * form (the visitor typed "Strasse" or "Gluecksspiel"), or its stem (any inflection of it).
 */
export const QueryRelation = { Exact: 0, Fold: 1, Stem: 2 } as const;
export type QueryRelation = (typeof QueryRelation)[keyof typeof QueryRelation];

/**
 * Weights of the evidence. The exact written form is the strongest; the same word spelled with
 * ß or umlauts folded (the visitor typed "Strasse" or "Gluecksspiel") comes next, since it is the
 * very word; then another inflection of it (same stem); then compound parts, the head (last
 * part, which names what the compound is: "Videoüberwachung" is an "Überwachung") well above the
 * others. Typos and completions scale these further (see query-plan.ts). In naming fields the
 * gaps are wider still (see EVIDENCE_EXPONENT in engine.ts).
 */
export const EVIDENCE = {
  exact: 1,
  fold: 0.75,
  stem: 0.65,
  head: 0.95,
  part: 0.35,
  pair: 0.8,
} as const;

/**
 * The weight of a document's occurrence of kind `kind` under a key the query reached by
 * `relation`. The weaker of the two decides: a document's exact form found through the typed
 * word's stem is a stem match.
 */
export function matchWeight(relation: QueryRelation, kind: KeyKind | number): number {
  if (kind === KeyKind.Part) return EVIDENCE.part;
  if (kind === KeyKind.Head) return EVIDENCE.head;
  if (kind === KeyKind.Pair)
    return relation === QueryRelation.Exact ? EVIDENCE.pair : EVIDENCE.stem * EVIDENCE.pair;
  if (relation === QueryRelation.Stem || kind === KeyKind.Stem) return EVIDENCE.stem;
  if (relation === QueryRelation.Fold || kind === KeyKind.Fold) return EVIDENCE.fold;
  return EVIDENCE.exact;
}

/**
 * Titles often name a page and where it belongs ("§ 3 Wohngeldberechtigung – Wohngeldgesetz",
 * "Kontakt | Stadt Kassel", "Seite › Abschnitt"): each segment, and each heading, is a name of
 * its own.
 */
const TITLE_SEPARATORS = /\s[–—|·›»/-]\s|:\s|;\s|\s\(|\)/u;

/**
 * Marks naming keys: `^key` holds the postings of `key` in naming fields only (title, keywords,
 * headings, summary, meta). A one- to three-letter prefix matches only there (see
 * query-plan.ts), and these postings are a small part of the whole for frequent words, so the
 * words a short prefix completes to cost a sharded index far fewer bytes. Built for short keys
 * and for the completions of short prefixes only (indexing/naming-keys.ts).
 */
export const NAMING_MARK = '^';

/** The naming key of `key`. */
export function namingKey(key: string): string {
  return `${NAMING_MARK}${key}`;
}

/** The word key a key stands for: a naming key's own key, else the key itself. */
export function plainKey(key: string): string {
  return key.startsWith(NAMING_MARK) ? key.slice(NAMING_MARK.length) : key;
}

/** Marks phrase keys, which no word key can start with. */
export const PHRASE_MARK = '=';

/**
 * The phrase key of a name: its words (stop words and numbers aside), in order, in lower case.
 * A document whose title segment or heading has the query's phrase key is named by the query
 * ("Wohngeldberechtigung" names "§ 3 Wohngeldberechtigung – Wohngeldgesetz").
 */
export function phraseKey(words: readonly string[]): string | undefined {
  const exact: string[] = [];
  for (const word of words) {
    const keys = wordKeys(word);
    if (keys && /\p{L}/u.test(keys.folded)) exact.push(keys.exact);
  }
  return exact.length ? `${PHRASE_MARK}${exact.join(' ')}` : undefined;
}

/** The segments of a title or heading that each name the document. */
export function nameSegments(text: string): string[] {
  return text
    .split(TITLE_SEPARATORS)
    .map((segment) => segment.trim())
    .filter(Boolean);
}
