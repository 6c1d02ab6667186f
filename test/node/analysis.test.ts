import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fold, foldWithOffsets } from '../../src/core/analysis/fold.js';
import { stem } from '../../src/core/analysis/stem.js';
import { termOf } from '../../src/core/analysis/analyzer.js';
import { indexTokens, tokenize } from '../../src/core/analysis/tokenize.js';
import { CompoundSplitter, MAX_COMPOUND_LENGTH } from '../../src/core/analysis/decompound.js';
import { LEXICON_WORDS } from '../../src/core/analysis/lexicon-de.js';
import { DOMAIN_WORDS } from '../../src/core/analysis/domain-words.js';

describe('fold', () => {
  const cases: [string, string][] = [
    ['Straße', 'strasse'],
    ['STRASSE', 'strasse'],
    ['Müller', 'muller'],
    ['Mueller', 'muller'],
    ['Glücksspiel', 'glucksspiel'],
    ['Gluecksspiel', 'glucksspiel'],
    ['Länder', 'lander'],
    ['Laender', 'lander'],
    ['Öffentlich', 'offentlich'],
    ['Oeffentlich', 'offentlich'],
    ['Uebersicht', 'ubersicht'],
    // "ue" after a vowel or q is no umlaut.
    ['Steuer', 'steuer'],
    ['Feuer', 'feuer'],
    ['Bauer', 'bauer'],
    ['neue', 'neue'],
    ['Quelle', 'quelle'],
    ['Café', 'cafe'],
    ['EAÜ', 'eau'],
    // NFD input (decomposed umlaut) folds like NFC.
    ['Mu\u0308ller', 'muller'],
  ];
  for (const [input, expected] of cases) {
    it(`${input} → ${expected}`, () => assert.equal(fold(input), expected));
  }

  it('maps folded characters back to the original', () => {
    const { folded, offsets } = foldWithOffsets('Straße');
    assert.equal(folded, 'strasse');
    assert.deepEqual(offsets, [0, 1, 2, 3, 4, 4, 5]);
    const ue = foldWithOffsets('Gluecks');
    assert.equal(ue.folded, 'glucks');
    assert.deepEqual(ue.offsets, [0, 1, 2, 4, 5, 6]);
  });
});

describe('stem (CISTEM without ge-, with female forms)', () => {
  // word → expected stem; words on one line must conflate, words on different lines must not.
  const table: [string, string][] = [
    ['Kooperation', 'kooperatio'],
    ['Kooperationen', 'kooperatio'],
    ['Land', 'land'],
    ['Länder', 'land'],
    ['Ländern', 'land'],
    ['Bürger', 'burg'],
    ['Bürgerinnen', 'burg'],
    ['Bürgerin', 'burg'],
    ['Spielhalle', 'spielhall'],
    ['Spielhallen', 'spielhall'],
    ['Glücksspiel', 'glucksspiel'],
    ['Gluecksspiel', 'glucksspiel'],
    ['beantragen', 'beantrag'],
    ['beantragte', 'beantrag'],
    ['Wohngeld', 'wohngeld'],
    ['Wohngeldes', 'wohngeld'],
    ['Genossenschaft', 'genossenschaf'],
    ['Genossenschaften', 'genossenschaf'],
    ['Straße', 'strass'],
    ['Strassen', 'strass'],
    // The ge- rule is off: Gesetz and setzen stay apart, and so do Gericht and Richter.
    ['Gesetz', 'gesetz'],
    ['setzen', 'setz'],
    ['Gericht', 'gerich'],
    ['Richter', 'rich'],
    ['Gebiet', 'gebie'],
    // Acronyms of three letters stay as they are.
    ['EPK', 'epk'],
    ['EAÜ', 'eau'],
    ['DMS', 'dms'],
    ['Wohngeldberechnung', 'wohngeldberechnung'],
  ];
  for (const [word, expected] of table) {
    it(`${word} → ${expected}`, () => assert.equal(stem(fold(word)), expected));
  }

  it('removes stop words', () => {
    assert.equal(termOf('Wie'), null);
    assert.equal(termOf('ich'), null);
    assert.equal(termOf('der'), null);
    assert.equal(termOf('Wohngeld'), 'wohngeld');
  });
});

describe('tokenize', () => {
  it('keeps positions of words in the original text', () => {
    const text = 'Die Straße, bitte.';
    const words = tokenize(text);
    assert.deepEqual(
      words.map((w) => text.slice(w.start, w.end)),
      ['Die', 'Straße', 'bitte'],
    );
  });

  it('splits hyphens and soft hyphens and also indexes the joined form', () => {
    assert.deepEqual(indexTokens('E-Mail'), ['E', 'Mail', 'EMail']);
    assert.deepEqual(indexTokens('Aufenthalts-Überwachung'), [
      'Aufenthalts',
      'Überwachung',
      'AufenthaltsÜberwachung',
    ]);
    assert.deepEqual(indexTokens('Wohn\u00ADgeld'), ['Wohn', 'geld', 'Wohngeld']);
  });

  it('treats markup-like input as plain words', () => {
    assert.deepEqual(indexTokens('<img src=x onerror=alert(1)>'), [
      'img',
      'src',
      'x',
      'onerror',
      'alert',
      '1',
    ]);
  });
});

/**
 * Runs `work` while counting dictionary lookups (calls of Set#has, which the splitter uses for its
 * word lists). Past `budget` lookups it throws, so an algorithm that does too much work fails at
 * once instead of running for minutes.
 */
function withLookupBudget<T>(budget: number, work: () => T): { result: T; lookups: number } {
  const has = Set.prototype.has;
  let lookups = 0;
  Set.prototype.has = function (this: Set<unknown>, value: unknown) {
    if (++lookups > budget) throw new Error(`more than ${budget} dictionary lookups`);
    return has.call(this, value);
  };
  try {
    return { result: work(), lookups };
  } finally {
    Set.prototype.has = has;
  }
}

/** Known words repeated without spaces until the run has at least `length` letters. */
function runOfWords(words: readonly string[], length: number): string {
  let run = '';
  for (let i = 0; run.length < length; i++) run += words[i % words.length];
  return run;
}

describe('compound splitting', () => {
  const splitter = new CompoundSplitter(
    `${LEXICON_WORDS} ${DOMAIN_WORDS}`.split(/\s+/).filter(Boolean),
  );
  const cases: [string, string[]][] = [
    ['Wohngeldberechnung', ['berechnung', 'wohngeld']],
    ['Digitalisierungsstrategie', ['digitalisierung', 'strategie']],
    ['Onlinezugangsgesetz', ['online', 'zugang', 'gesetz']],
    ['Spielersperrsystem', ['sperr', 'system']],
    ['Aufenthaltsüberwachung', ['uberwachung']],
    ['Ministerpräsidentenkonferenz', ['minister', 'prasident', 'konferenz']],
    ['Kinderbetreuungskosten', ['kinder', 'betreuung', 'kosten']],
  ];
  for (const [word, parts] of cases) {
    it(`${word} contains ${parts.join(', ')}`, () => {
      const found = splitter.split(fold(word));
      for (const part of parts)
        assert.ok(found.includes(part), `${part} missing in ${found.join('+')}`);
    });
  }

  for (const word of [
    'Verwaltung',
    'Bescheinigung',
    'Einbürgerung',
    'Ausbildung',
    'Termin',
    'Kooperation',
  ]) {
    it(`does not split ${word}`, () => assert.deepEqual(splitter.split(fold(word)), []));
  }

  describe('long words', () => {
    const known = ['wohngeld', 'berechnung', 'antrag', 'formular', 'steuer', 'kinder', 'betreuung'];
    const longest = Math.max(...known.map((word) => word.length));

    it('splits a long compound with work linear in its length', () => {
      const word = runOfWords(known, 90);
      assert.ok(word.length <= MAX_COMPOUND_LENGTH);
      // Each position tries modifiers up to the longest known word, a few lookups each; a search
      // that tries every end at every position does several times this.
      const { result } = withLookupBudget(word.length * longest, () =>
        new CompoundSplitter(known).split(word),
      );
      assert.deepEqual([...result].sort(), [...known].sort());
    });

    it('does not split a run of 100,000 letters, and does no search for it', () => {
      const run = runOfWords(known, 100_000);
      // The build adds capitalised words of the content to the known words: the run itself too.
      const splitter = new CompoundSplitter([...known, run]);
      const { result, lookups } = withLookupBudget(100, () => splitter.split(run));
      assert.deepEqual(result, []);
      assert.equal(lookups, 0);
    });
  });
});
