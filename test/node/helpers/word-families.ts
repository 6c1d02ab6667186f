/**
 * Word families for the tests of loading the next letter ahead: a start, one word after it in
 * many documents (the start's first hits), and two words in fewer documents each that go on with
 * the same letter, the likeliest next one. So the next letter brings hits the start has not shown.
 */
import type { SearchDocument } from '../../../src/core/index.js';

const FAMILIES: [start: string, next: string, words: [word: string, documents: number][]][] = [
  [
    'Melde',
    'r',
    [
      ['Meldestelle', 20],
      ['Melderegister', 12],
      ['Melderecht', 12],
    ],
  ],
  [
    'Steuer',
    'b',
    [
      ['Steuerklasse', 20],
      ['Steuerbescheid', 12],
      ['Steuerbetrag', 12],
    ],
  ],
  [
    'Wohn',
    'g',
    [
      ['Wohnort', 20],
      ['Wohngeld', 12],
      ['Wohngebiet', 12],
    ],
  ],
];

/** A family with a start shorter than the prefix packs reach. */
const SHORT_FAMILY: (typeof FAMILIES)[number] = [
  'Bau',
  'a',
  [
    ['Bauordnung', 20],
    ['Bauantrag', 12],
    ['Bauamt', 12],
  ],
];

/** A word found in most of its family's documents: it most likely ends where it is. */
const ENDING_FAMILY: (typeof FAMILIES)[number] = [
  'Zulassung',
  ' ',
  [
    ['Zulassung', 24],
    ['Zulassungsstelle', 6],
    ['Zulassungsbescheid', 6],
  ],
];

/**
 * Words under one first letter that go on with several second letters, none carrying two thirds
 * of their documents (10, 7, 6 and 3 of 26): after the lone first letter, the three likeliest
 * are loaded ahead; the fourth carries too few.
 */
const FIRST_LETTER_WORDS: [word: string, documents: number][] = [
  ['Kasse', 10],
  ['Konto', 7],
  ['Kredit', 6],
  ['Kurs', 3],
];
export const FIRST_LETTER = { letter: 'K', likely: ['Ka', 'Ko', 'Kr'], unlikely: 'Ku' };

/** Each family's start and the letter most of its words' documents go on with. */
export const FAMILY_STARTS: readonly { start: string; next: string }[] = FAMILIES.map(
  ([start, next]) => ({ start, next }),
);
export const SHORT_FAMILY_START = { start: SHORT_FAMILY[0], next: SHORT_FAMILY[1] };
export const ENDING_WORD = ENDING_FAMILY[0];

export const WORD_FAMILIES: SearchDocument[] = [
  ...FAMILIES,
  SHORT_FAMILY,
  ENDING_FAMILY,
  ['K', '', FIRST_LETTER_WORDS] as const,
].flatMap(([, , words]) =>
  words.flatMap(([word, count]) =>
    Array.from({ length: count }, (_, n) => ({
      id: `${word}-${n}`,
      title: `${word} ${n}`,
      url: `/${word.toLowerCase()}/${n}`,
      body: `${word} erklärt, Teil ${n}. Hinweise zum Verfahren und zu den Fristen.`,
    })),
  ),
);
