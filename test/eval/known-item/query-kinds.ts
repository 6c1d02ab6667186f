/**
 * The kinds of known-item query made from a target's heading compound, and the simple, fixed
 * rules that make each of them. Nothing here looks at search results.
 */
import type { CompoundSplit } from './compound-split.js';
import { pick, seededRandom, seedOf } from './random.js';

export const KINDS = [
  'exact',
  'lower',
  'typo',
  'translit',
  'parts',
  'head',
  'inflected',
  'two words',
] as const;
export type Kind = (typeof KINDS)[number];

export const KIND_LABELS: Record<Kind, string> = {
  exact: 'exact',
  lower: 'lower case',
  typo: 'one typo',
  translit: 'ae/oe/ue',
  parts: 'parts',
  head: 'head only',
  inflected: 'inflected',
  'two words': 'two words',
};

/** What a target offers for making queries. */
export interface TargetSource {
  id: string;
  /** The compound as written in the heading. */
  compound: string;
  split: CompoundSplit;
  /** A second distinctive word: another word of the heading, or the law's abbreviation. */
  companion: string | null;
}

const TYPO_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * One edit (delete, insert, substitute or swap two neighbours), never at the first letter, that
 * gives no known word (of the word list or the corpus). The edit is drawn from a stream seeded with the target id.
 */
export function makeTypo(
  word: string,
  isWord: (lower: string) => boolean,
  seed: string,
): string | null {
  const random = seededRandom(seedOf(`typo:${seed}`));
  for (let attempt = 0; attempt < 50; attempt++) {
    const kind = pick(random, 4);
    const at = 1 + pick(random, word.length - 1);
    const letter = TYPO_LETTERS[pick(random, TYPO_LETTERS.length)]!;
    let typo: string;
    if (kind === 0) typo = word.slice(0, at) + word.slice(at + 1);
    else if (kind === 1) typo = word.slice(0, at) + letter + word.slice(at);
    else if (kind === 2) typo = word.slice(0, at) + letter + word.slice(at + 1);
    else {
      if (at + 1 >= word.length) continue;
      typo = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    }
    const lower = typo.toLowerCase();
    if (lower !== word.toLowerCase() && !isWord(lower)) return typo;
  }
  return null;
}

/** Umlauts and ß as typed on a keyboard without them. */
export function transliterate(text: string): string {
  const map: Record<string, string> = {
    ä: 'ae',
    ö: 'oe',
    ü: 'ue',
    Ä: 'Ae',
    Ö: 'Oe',
    Ü: 'Ue',
    ß: 'ss',
  };
  return text.replace(/[äöüÄÖÜß]/g, (c) => map[c]!);
}

/**
 * Another inflected form of a noun, by its ending: the first rule whose ending matches the head
 * gives the candidates ([letters to strip, letters to add]); of those in the word list, the
 * one most frequent in the corpus wins, then the first. Plural ↔ singular of -ung, -heit, -keit,
 * -schaft, -ion, -tät and -nis; plural -n of -e; singular or genitive of -en; singular of a dative
 * plural -ln/-rn; genitive -s/-es, or the form without it.
 */
const INFLECTION_RULES: [ending: RegExp, candidates: [strip: number, add: string][]][] = [
  [/(ungen|heiten|keiten|schaften|ionen|täten)$/, [[2, '']]],
  [/nisse$/, [[2, '']]],
  [/(ung|heit|keit|schaft|ion|tät|ik|ur|enz|anz)$/, [[0, 'en']]],
  [/nis$/, [[0, 'se']]],
  [/e$/, [[0, 'n']]],
  [/(el|er)n$/, [[1, '']]],
  [
    /en$/,
    [
      [1, ''],
      [2, ''],
      [0, 's'],
    ],
  ],
  [
    /(el|er)$/,
    [
      [0, 's'],
      [0, 'n'],
    ],
  ],
  [
    /(s|ß|x|z|sch)$/,
    [
      [1, ''],
      [2, ''],
      [0, 'es'],
    ],
  ],
  [
    /[bcdfghklmnprtvw]$/,
    [
      [0, 's'],
      [0, 'es'],
      [0, 'e'],
    ],
  ],
];

/** What the query rules know of words (all lower case). */
export interface WordKnowledge {
  /** A word of the word list or the corpus: a typo must be neither. */
  isWord: (lower: string) => boolean;
  /** A word of the word list: an inflected form must be one. */
  isListed: (lower: string) => boolean;
  /** Occurrences in the corpus. */
  frequency: (lower: string) => number;
}

export function inflect(compound: string, head: string, words: WordKnowledge): string | null {
  const lowerHead = head.toLowerCase();
  let best: { form: string; frequency: number } | null = null;
  const rule = INFLECTION_RULES.find(([ending]) => ending.test(lowerHead));
  for (const [strip, add] of rule?.[1] ?? []) {
    const form = lowerHead.slice(0, lowerHead.length - strip) + add;
    if (form === lowerHead || !words.isListed(form)) continue;
    const frequency = words.frequency(form);
    if (!best || frequency > best.frequency)
      best = { form: compound.slice(0, compound.length - strip) + add, frequency };
  }
  return best?.form ?? null;
}

/** The queries of every kind that can be made for a target. */
export function makeQueries(
  target: TargetSource,
  words: WordKnowledge,
): Partial<Record<Kind, string>> {
  const { compound, split } = target;
  const queries: Partial<Record<Kind, string>> = {
    exact: compound,
    lower: compound.toLowerCase(),
    parts: split.parts.join(' '),
    head: split.head,
  };
  const typo = makeTypo(compound, words.isWord, target.id);
  if (typo) queries.typo = typo;
  if (/[äöüÄÖÜß]/.test(compound)) queries.translit = transliterate(compound);
  const inflected = inflect(compound, split.head, words);
  if (inflected) queries.inflected = inflected;
  if (target.companion) queries['two words'] = `${compound} ${target.companion}`;
  return queries;
}
