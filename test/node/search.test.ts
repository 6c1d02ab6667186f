import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildIndex,
  loadIndex,
  type SearchDocument,
  type SearchHit,
} from '../../src/core/index.js';
import { analysedText } from '../../src/core/analysed-text.js';
import { RecentCache } from '../../src/core/recent-cache.js';
import { firstInOrder } from '../../src/core/sorted.js';
import { findMatches } from '../../src/core/snippet.js';

const documents: SearchDocument[] = [
  {
    id: 'strasse',
    title: 'Straßenverkehr',
    url: '/strasse',
    body: 'Regeln für die Straße und den Verkehr.',
  },
  {
    id: 'mueller',
    title: 'Ansprechpartner',
    url: '/kontakt',
    body: 'Frau Müller beantwortet Ihre Fragen.',
  },
  { id: 'buerger', title: 'Service', url: '/service', body: 'Angebote für Bürger in Hessen.' },
  {
    id: 'land',
    title: 'Föderalismus',
    url: '/land',
    body: 'Jedes Land hat eigene Zuständigkeiten.',
  },
  {
    id: 'gluecksspiel',
    title: 'Spielerschutz',
    url: '/spiel',
    body: 'Hilfe bei Glücksspiel und Sucht.',
  },
  {
    id: 'wohngeld',
    title: 'Wohngeldberechnung',
    url: '/wohngeld',
    summary: 'Wie das Wohngeld berechnet wird.',
    body: 'Die Wohngeldberechnung richtet sich nach Einkommen und Miete.',
    keywords: ['Mietzuschuss'],
  },
  {
    id: 'strategie',
    title: 'Digitalisierungsstrategie',
    url: '/digital',
    body: 'Der Plan der Regierung.',
  },
  {
    id: 'ozg',
    title: 'Onlinezugangsgesetz',
    url: '/ozg',
    body: 'Verwaltungsleistungen online anbieten.',
  },
  { id: 'oasis', title: 'OASIS', url: '/oasis', body: 'Das Spielersperrsystem schützt Spieler.' },
  {
    id: 'eau',
    title: 'Elektronische Aufenthaltsüberwachung',
    url: '/eau',
    body: 'Die Ortung erfolgt per GPS.',
  },
  { id: 'email', title: 'Kontakt per E-Mail', url: '/mail', body: 'Schreiben Sie uns.' },
];

const index = loadIndex(JSON.parse(JSON.stringify(buildIndex(documents))));
const ids = (query: string, options = {}) =>
  index.search(query, { prefix: false, ...options }).hits.map((hit) => hit.id);
const first = (query: string, options = {}) => ids(query, options)[0];
const marked = (hit: SearchHit) => [
  ...hit.titleMatches.map(([s, e]) => hit.title.slice(s, e)),
  ...hit.snippet.matches.map(([s, e]) => hit.snippet.text.slice(s, e)),
];

describe('German matching', () => {
  const cases: [string, string][] = [
    ['strasse', 'strasse'],
    ['mueller', 'mueller'],
    ['Bürgerinnen', 'buerger'],
    ['Länder', 'land'],
    ['gluecksspiel', 'gluecksspiel'],
    ['wohngelt', 'wohngeld'],
    ['berechnung', 'wohngeld'],
    ['strategie', 'strategie'],
    ['zugang', 'ozg'],
    ['sperre', 'oasis'],
    ['EMail', 'email'],
    ['mail', 'email'],
  ];
  for (const [query, expected] of cases) {
    it(`"${query}" finds ${expected}`, () => assert.equal(first(query), expected));
  }

  it('answers questions by dropping stop words', () => {
    assert.equal(first('Wie beantrage ich Wohngeld?'), 'wohngeld');
  });

  it('finds abbreviations, full forms and colloquial words through synonyms', () => {
    assert.equal(first('EAÜ'), 'eau');
    assert.equal(first('Fußfessel'), 'eau');
    assert.equal(first('fussfessel'), 'eau');
    assert.equal(first('Onlinezugangsgesetz'), 'ozg');
    assert.equal(first('OZG'), 'ozg');
  });

  it('stands in a known head or modifier for a compound the content lacks', () => {
    assert.equal(first('Bundeswohngeld'), 'wohngeld');
    assert.equal(first('Wohngeldrechner'), 'wohngeld');
    // A known word inside ("Verkehr") is no reason to answer.
    assert.equal(index.search('Überverkehrszeichen', { prefix: false }).total, 0);
  });

  it('lets a site add synonyms at build time', () => {
    const custom = loadIndex(buildIndex(documents, { synonyms: [['Stütze', 'Mietzuschuss']] }));
    assert.equal(custom.search('Stütze').hits[0]?.id, 'wohngeld');
    assert.equal(index.search('Stütze').total, 0);
  });

  it('answers a question with the documents of its specific word, not of every common one', () => {
    const common = Array.from({ length: 6 }, (_, i) => ({
      id: `antrag-${i}`,
      title: `Formular ${i}`,
      url: `/antrag/${i}`,
      body: 'Hier können Sie etwas beantragen.',
    }));
    const questions = loadIndex(
      buildIndex([
        ...common,
        { id: 'elterngeld', title: 'Elterngeld', url: '/elterngeld', body: 'Geld für Eltern.' },
        { id: 'justiz', title: 'Justiz', url: '/justiz', body: 'Gerichte.' },
        { id: 'digital', title: 'Digitale Verwaltung', url: '/digital', body: 'Online.' },
      ]),
    );
    const ids = (query: string) => questions.search(query, { prefix: false }).hits.map((h) => h.id);
    assert.deepEqual(ids('Wie beantrage ich Elterngeld?'), ['elterngeld']);
    // Two equally specific words, no document with both: both documents.
    assert.deepEqual(ids('Justiz digital').sort(), ['digital', 'justiz']);
  });

  it('ranks documents with all words first', () => {
    assert.deepEqual(ids('Wohngeld Einkommen'), ['wohngeld']);
  });

  it('does not apply typo tolerance to short words', () => {
    assert.equal(index.search('GPX', { prefix: false }).total, 0);
  });
});

describe('as-you-type prefixes', () => {
  it('completes the last word', () => {
    assert.equal(index.search('Wohng').hits[0]?.id, 'wohngeld');
    assert.equal(index.search('Aufenthaltsüb').hits[0]?.id, 'eau');
  });

  it('finds something useful for one and two letters', () => {
    assert.ok(index.search('w').total >= 1);
    assert.equal(index.search('wo').hits[0]?.id, 'wohngeld');
  });

  it('treats a word followed by a space as finished', () => {
    assert.equal(index.search('Wohng ').total, 0);
  });
});

describe('results', () => {
  it('returns display fields, a score and the total', () => {
    const result = index.search('Wohngeld', { limit: 1 });
    assert.equal(result.total, 1);
    const hit = result.hits[0]!;
    assert.equal(hit.title, 'Wohngeldberechnung');
    assert.equal(hit.url, '/wohngeld');
    assert.equal(hit.summary, 'Wie das Wohngeld berechnet wird.');
    assert.ok(hit.score > 0);
  });

  it('pages with limit and offset', () => {
    const all = index.search('Spiel', { limit: 10 });
    assert.ok(all.total >= 2);
    const second = index.search('Spiel', { limit: 1, offset: 1 });
    assert.equal(second.hits.length, 1);
    assert.equal(second.hits[0]?.id, all.hits[1]?.id);
    assert.equal(second.total, all.total);
  });

  it('marks matches on the original text, including inside compounds and folded forms', () => {
    // The typo is corrected to "Wohngeld", which is marked inside the compound.
    assert.deepEqual(marked(index.search('wohngelt').hits[0]!), ['Wohngeld', 'Wohngeld']);
    assert.deepEqual(marked(index.search('berechnung').hits[0]!), ['berechnung', 'berechnung']);
    // The typed word, folded, inside the compound; then the word itself in the body.
    assert.deepEqual(marked(index.search('strasse', { prefix: false }).hits[0]!), [
      'Straße',
      'Straße',
    ]);
    // Typed as a prefix, "strasse" completes to the whole word Straßenverkehr.
    assert.deepEqual(marked(index.search('strasse').hits[0]!), ['Straßenverkehr', 'Straße']);
    assert.deepEqual(marked(index.search('gluecksspiel').hits[0]!), ['Glücksspiel']);
  });

  it('cuts long texts into a snippet around the match', () => {
    const long = `${'Einleitung ohne Bezug. '.repeat(40)}Hier steht das Wort Zielbegriff. ${'Schluss. '.repeat(40)}`;
    const single = loadIndex(buildIndex([{ id: 'a', title: 'Lang', url: '/a', body: long }]));
    const hit = single.search('Zielbegriff').hits[0]!;
    assert.ok(hit.snippet.text.length < 260);
    assert.ok(hit.snippet.text.startsWith('… '));
    assert.deepEqual(marked(hit), ['Zielbegriff']);
  });

  it('analyses a hit text once and finds the keys of every later query in it', () => {
    const text = 'Die Straßenverkehrs-Ordnung regelt den Verkehr auf öffentlichen Straßen.';
    const analysed = analysedText(text);
    assert.equal(analysedText(text), analysed, 'kept for the next keystroke');
    assert.deepEqual(
      Array.from(analysed.starts, (start, i) => text.slice(start, analysed.ends[i])),
      [
        'Die',
        'Straßenverkehrs',
        'Ordnung',
        'regelt',
        'den',
        'Verkehr',
        'auf',
        'öffentlichen',
        'Straßen',
      ],
    );
    const ranges = (keys: string[]) =>
      findMatches(text, new Set(keys)).map(([from, to]) => text.slice(from, to));
    assert.deepEqual(ranges(['strass']), ['Straß', 'Straßen'], 'inside a compound, and a stem');
    assert.deepEqual(ranges(['verkehr']), ['verkehr', 'Verkehr'], 'inside a compound');
    assert.deepEqual(ranges(['ordnung', 'offentlich']), ['Ordnung', 'öffentlichen']);
    // Texts of earlier hits give way to new ones; the same text is analysed anew, alike.
    for (let n = 0; n < 200; n++) analysedText(`${'Füllwort '.repeat(100)}${n}`);
    const again = analysedText(text);
    assert.notEqual(again, analysed);
    assert.deepEqual(again, analysed);
  });

  it('puts only the hits shown in order, as sorting every match would', () => {
    // A seeded generator: scores with many ties, broken by document number as the ranking does.
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const score = Array.from({ length: 5000 }, () => Math.floor(next() * 50));
    const byScore = (a: number, b: number) => score[b]! - score[a]! || a - b;
    const documents = Array.from({ length: 5000 }, (_, n) => n).sort(() => next() - 0.5);
    const given = [...documents];
    const sorted = [...documents].sort(byScore);
    for (const count of [0, 1, 10, 37, 624, 625, 5000, 6000]) {
      assert.deepEqual(
        firstInOrder(documents, count, byScore),
        sorted.slice(0, count),
        `first ${count}`,
      );
    }
    assert.deepEqual(documents, given, 'the input is left as it was');
  });

  it('keeps the order of the hits over pages of a common word', () => {
    const many: SearchDocument[] = Array.from({ length: 120 }, (_, n) => ({
      id: `d${n}`,
      title: `Antrag ${n}`,
      url: `/d${n}`,
      body: `${'Antrag '.repeat((n * 7) % 13)}Text ${n} über Fristen.`,
    }));
    const common = loadIndex(buildIndex(many));
    const all = common.search('Antrag', { limit: 120 }).hits.map((hit) => hit.id);
    assert.equal(all.length, 120);
    const paged = [0, 1, 2, 3, 4, 5].flatMap((page) =>
      common.search('Antrag', { limit: 20, offset: page * 20 }).hits.map((hit) => hit.id),
    );
    assert.deepEqual(paged, all);
    assert.deepEqual(
      common.search('Antrag', { limit: 3 }).hits.map((hit) => hit.id),
      all.slice(0, 3),
    );
  });

  it('keeps the most recently used entries within the cache budget', () => {
    const cache = new RecentCache<string, number>(8);
    cache.set('a', 1, 2);
    cache.set('b', 2, 2);
    cache.set('c', 3, 2);
    assert.equal(cache.get('a'), 1, 'a is now the most recent');
    cache.set('d', 4, 2);
    cache.set('e', 5, 2);
    assert.equal(cache.get('b'), undefined, 'the least recently used went first');
    assert.deepEqual(
      ['a', 'c', 'd', 'e'].map((key) => cache.get(key)),
      [1, 3, 4, 5],
    );
    cache.set('huge', 6, 3);
    assert.equal(cache.get('huge'), undefined, 'over a quarter of the budget: not kept');
    assert.equal(cache.get('e'), 5);
  });

  it('survives hostile and huge queries', () => {
    assert.equal(index.search('<img src=x onerror=alert(1)>').total, 0);
    const huge = 'Wohngeld '.repeat(1200);
    const started = performance.now();
    const result = index.search(huge);
    assert.equal(result.hits[0]?.id, 'wohngeld');
    assert.ok(performance.now() - started < 2000, 'a 10,000-character query must not hang');
    assert.equal(index.search('').total, 0);
    assert.equal(index.search('   ').total, 0);
    assert.equal(index.search('ich und der').total, 0);
  });

  it('keeps hostile content as text', () => {
    const hostile = loadIndex(
      buildIndex([
        {
          id: 'x',
          title: '<img src=x onerror=alert(1)> Titel',
          url: '/x',
          body: '<script>alert(1)</script> Text',
        },
      ]),
    );
    const hit = hostile.search('Titel').hits[0]!;
    assert.equal(hit.title, '<img src=x onerror=alert(1)> Titel');
  });
});

describe('suggest', () => {
  it('completes the word being typed', () => {
    const { completions } = index.suggest('Wohn');
    assert.ok(completions.includes('Wohngeldberechnung'), completions.join());
    assert.equal(index.suggest('Frau Mül').completions[0], 'Frau Müller');
  });

  it('offers a correction for unknown words ("Meinten Sie …?")', () => {
    assert.equal(
      index.suggest('Digitalisierungsstrateige ').correction,
      'Digitalisierungsstrategie ',
    );
    assert.equal(index.suggest('Wohngeld').correction, undefined);
  });
});
