/**
 * Filters, facets, type and filter values on hits, and section sub-results of the core search
 * (single file; sharded.test.ts checks the sharded index gives the same).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildIndex,
  loadIndex,
  type SearchDocument,
  type SearchOptions,
} from '../../src/core/index.js';
import { documentFilters } from '../../src/core/filters.js';
import { FILTER_SITE } from './helpers/filter-site.js';

const index = loadIndex(JSON.parse(JSON.stringify(buildIndex(FILTER_SITE))));
const byId = new Map(FILTER_SITE.map((doc) => [doc.id, doc]));
const ALL = { limit: 1000, prefix: false } as const;

const ids = (options: SearchOptions = {}, query = 'Wohngeld') =>
  index.search(query, { ...ALL, ...options }).hits.map((hit) => hit.id);
const valuesOf = (id: string, field: string) => documentFilters(byId.get(id)!).get(field) ?? [];

/** What filters must give: the unfiltered hits, in their order, that pass every field. */
function expectedIds(filters: Record<string, string[]>, query = 'Wohngeld') {
  return ids({}, query).filter((id) =>
    Object.entries(filters).every(([field, values]) =>
      values.some((value) => valuesOf(id, field).includes(value)),
    ),
  );
}

/** Disjunctive facet counts, counted from the documents themselves. */
function expectedFacets(field: string, filters: Record<string, string[]>, query = 'Wohngeld') {
  const others = Object.fromEntries(Object.entries(filters).filter(([name]) => name !== field));
  const counts: Record<string, number> = {};
  for (const id of expectedIds(others, query)) {
    for (const value of valuesOf(id, field)) counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

describe('filter values', () => {
  it('lists every field and value with document counts, most frequent first', () => {
    assert.deepEqual(index.filterValues, {
      category: [
        ['Leistung', 4],
        ['Recht', 1],
        ['Statistik', 1],
      ],
      type: [
        ['Formular', 2],
        ['PDF', 1],
        ['Rechner', 1],
      ],
      levels: [
        ['Bund', 3],
        ['Land', 2],
        ['Kommune', 1],
      ],
      partners: [['Hessen', 1]],
      jahr: [
        ['2024', 1],
        ['2025', 1],
      ],
      zielgruppe: [
        ['Bürger', 3],
        ['Verwaltung', 2],
      ],
    });
  });

  it('is empty for content without filter values, and stored in the file', () => {
    const plain = buildIndex([{ id: 'a', title: 'Wohngeld', url: '/a' }]);
    assert.deepEqual(plain.filterValues, {});
    assert.deepEqual(loadIndex(plain).filterValues, {});
    assert.deepEqual(buildIndex(FILTER_SITE).filterValues, index.filterValues);
  });

  it('never reaches completions, corrections or word matches', () => {
    const keys = buildIndex(FILTER_SITE).keys.filter((key) => key.startsWith('!'));
    assert.equal(keys.length, 14, 'one key per field and value');
    // "Verwaltung" is only a filter value: no word of any text.
    assert.deepEqual(index.suggest('Verwalt').completions, []);
    assert.equal(index.search('Verwaltung').total, 0);
    assert.equal(index.search('!zielgruppe:Bürger', { prefix: false }).total, 0);
    assert.equal(index.search('zielgruppe').total, 0);
  });
});

describe('filters', () => {
  const cases: Record<string, string[]>[] = [
    { category: ['Leistung'] },
    { type: ['Formular', 'Rechner'] },
    { category: ['Leistung'], levels: ['Bund'] },
    { zielgruppe: ['Verwaltung'] },
    { levels: ['Land', 'Kommune'], zielgruppe: ['Bürger'] },
    { partners: ['Hessen'] },
    { jahr: ['2025'] },
  ];
  for (const filters of cases) {
    it(`keeps the hits with ${JSON.stringify(filters)}, in their order`, () => {
      const expected = expectedIds(filters);
      assert.ok(expected.length > 0, 'the case has hits');
      const results = index.search('Wohngeld', { ...ALL, filters });
      assert.deepEqual(
        results.hits.map((hit) => hit.id),
        expected,
      );
      assert.equal(results.total, expected.length);
    });
  }

  it('is OR within a field and AND across fields', () => {
    assert.deepEqual(ids({ type: ['Formular'] } as never), ids());
    const formular = ids({ filters: { type: ['Formular'] } });
    const rechner = ids({ filters: { type: ['Rechner'] } });
    assert.deepEqual(
      [...ids({ filters: { type: ['Formular', 'Rechner'] } })].sort(),
      [...formular, ...rechner].sort(),
    );
    assert.deepEqual(ids({ filters: { category: ['Leistung'], levels: ['Bund'] } }), [
      'wohngeld-rechner',
      'kindergeld',
    ]);
  });

  it('counts the filtered results in total and pages through them', () => {
    const filters = { category: ['Leistung'] };
    const all = ids({ filters });
    const total = index.search('Wohngeld', { filters, limit: 2, offset: 0 }).total;
    assert.equal(total, 4);
    const pages = [0, 2, 4].flatMap((offset) =>
      index
        .search('Wohngeld', { filters, limit: 2, offset, prefix: false })
        .hits.map((hit) => hit.id),
    );
    assert.deepEqual(pages, all);
  });

  it('finds nothing for an unknown field or value, and ignores empty lists', () => {
    assert.equal(index.search('Wohngeld', { filters: { farbe: ['rot'] } }).total, 0);
    assert.equal(index.search('Wohngeld', { filters: { category: ['Unbekannt'] } }).total, 0);
    assert.deepEqual(
      ids({ filters: { category: ['Unbekannt', 'Recht'] } }),
      ['wohngeldgesetz'],
      'an unknown value adds nothing to the known ones',
    );
    assert.deepEqual(ids({ filters: { category: [] } }), ids());
    // Values are matched exactly, as the index lists them.
    assert.equal(index.search('Wohngeld', { filters: { category: ['leistung'] } }).total, 0);
  });

  it('tells which words are missing from the best filtered hit', () => {
    const results = index.search('Wohngeldgesetz Familienkasse', {
      prefix: false,
      filters: { category: ['Recht'] },
    });
    assert.deepEqual(
      results.hits.map((hit) => hit.id),
      ['wohngeldgesetz'],
    );
    assert.deepEqual(results.missingWords, ['Familienkasse']);
  });
});

describe('facets', () => {
  const fields = ['category', 'type', 'levels', 'partners', 'zielgruppe', 'jahr'];
  const cases: Record<string, string[]>[] = [
    {},
    { category: ['Leistung'] },
    { category: ['Leistung'], type: ['Formular'] },
    { zielgruppe: ['Verwaltung'], levels: ['Bund', 'Land'] },
    { category: ['Unbekannt'] },
  ];
  for (const filters of cases) {
    it(`counts values disjunctively with ${JSON.stringify(filters)}`, () => {
      const results = index.search('Wohngeld', { filters, facets: fields, prefix: false });
      assert.deepEqual(
        results.facets,
        Object.fromEntries(fields.map((field) => [field, expectedFacets(field, filters)])),
      );
    });
  }

  it("leaves a field's own filter out of its counts, and applies the others", () => {
    const { facets } = index.search('Wohngeld', {
      filters: { category: ['Recht'] },
      facets: ['category', 'type'],
    });
    assert.deepEqual(facets?.['category'], { Leistung: 4, Recht: 1, Statistik: 1 });
    assert.deepEqual(facets?.['type'], { PDF: 1 });
  });

  it('orders values by count and gives {} for unknown fields and empty queries', () => {
    const { facets } = index.search('Wohngeld', { facets: ['levels', 'farbe'] });
    assert.deepEqual(Object.keys(facets!['levels']!), ['Bund', 'Land', 'Kommune']);
    assert.deepEqual(facets!['farbe'], {});
    assert.deepEqual(index.search('', { facets: ['category'] }), {
      query: '',
      total: 0,
      hits: [],
      facets: { category: {} },
    });
    assert.equal(index.search('Wohngeld').facets, undefined, 'only when asked for');
  });
});

describe('hostile options', () => {
  it('ignores what is not the documented shape', () => {
    const plain = ids();
    const weird: unknown[] = [
      { filters: null },
      { filters: 'category' },
      { filters: ['Leistung'] },
      { filters: { category: [1, null, {}] } },
      { filters: { category: 42 } },
      { facets: 'category' },
      { facets: { 0: 'category' } },
      { limit: Number.NaN },
      { limit: '3' },
      { offset: -5 },
      { offset: Number.NaN },
      null,
      'x',
    ];
    for (const options of weird) {
      const results = index.search('Wohngeld', options as SearchOptions);
      const expected = plain.slice(0, 10);
      assert.deepEqual(
        results.hits.map((hit) => hit.id),
        expected,
        JSON.stringify(options),
      );
      assert.equal(results.facets, undefined);
    }
  });

  it('takes a single text as a one-value list and cuts huge lists', () => {
    assert.deepEqual(ids({ filters: { category: 'Recht' as never } }), ['wohngeldgesetz']);
    const huge = Array.from({ length: 200_000 }, (_, i) => `Wert ${i}`);
    huge.push('Recht');
    assert.equal(index.search('Wohngeld', { filters: { category: huge } }).total, 0);
    const manyFields = Object.fromEntries(
      Array.from({ length: 10_000 }, (_, i) => [`feld${i}`, ['x']]),
    );
    assert.equal(index.search('Wohngeld', { filters: manyFields }).total, 0);
    const manyFacets = Array.from({ length: 100_000 }, (_, i) => `feld${i}`);
    assert.equal(Object.keys(index.search('Wohngeld', { facets: manyFacets }).facets!).length, 50);
  });

  it('clamps limit and offset', () => {
    assert.equal(index.search('Wohngeld', { limit: -1 }).hits.length, 0);
    assert.equal(index.search('Wohngeld', { limit: 2.7 }).hits.length, 2);
    assert.equal(index.search('Wohngeld', { limit: Infinity }).hits.length, ids().length);
    assert.equal(index.search('Wohngeld', { offset: Infinity }).hits.length, 0);
  });

  it('keeps names of prototype members as plain data', () => {
    const docs: SearchDocument[] = [
      {
        id: 'a',
        title: 'Wohngeld',
        url: '/a',
        category: '__proto__',
        filters: { constructor: ['toString'], hasOwnProperty: ['__proto__'] },
      },
    ];
    const tricky = loadIndex(JSON.parse(JSON.stringify(buildIndex(docs))));
    const filters = JSON.parse('{"__proto__": ["x"], "constructor": ["toString"]}');
    assert.equal(tricky.search('Wohngeld', { filters }).total, 0, '__proto__ is an unknown field');
    const results = tricky.search('Wohngeld', {
      filters: { constructor: ['toString'], category: ['__proto__'] },
      facets: ['category', 'constructor', 'hasOwnProperty', '__proto__', 'toString'],
    });
    assert.equal(results.total, 1);
    assert.ok(Object.hasOwn(results.facets!['category']!, '__proto__'));
    assert.equal(results.facets!['category']!['__proto__'], 1);
    assert.equal(results.facets!['hasOwnProperty']!['__proto__'], 1);
    assert.ok(Object.hasOwn(results.facets!, '__proto__'));
    assert.deepEqual(results.facets!['toString'], {});
    assert.equal(Object.getPrototypeOf(results.facets), Object.prototype);
  });
});

describe('type and filter values on hits', () => {
  it('carries type, filters and the built-in fields', () => {
    const hit = index.search('Wohngeld beantragen', { prefix: false }).hits[0]!;
    assert.equal(hit.id, 'wohngeld-antrag');
    assert.equal(hit.type, 'Formular');
    assert.deepEqual(hit.filters, { zielgruppe: ['Bürger'] });
    assert.equal(hit.category, 'Leistung');
    assert.deepEqual(hit.levels, ['Land', 'Kommune']);
    const plain = index.search('Überblick', { prefix: false }).hits[0]!;
    assert.equal(plain.id, 'wohngeld-uebersicht');
    assert.equal(plain.type, undefined);
    assert.equal(plain.filters, undefined);
    assert.equal(plain.sections, undefined);
  });

  it('leaves the ranking of content as it was', () => {
    const bare = loadIndex(
      buildIndex(FILTER_SITE.map(({ type: _t, filters: _f, sections: _s, ...rest }) => rest)),
    );
    for (const query of ['Wohngeld', 'Antrag', 'Miete', 'Leistung Bund', 'wohng', 'Statistik']) {
      const strip = (results: ReturnType<typeof index.search>) =>
        results.hits.map((hit) => [hit.id, hit.score, hit.titleMatches]);
      assert.deepEqual(strip(index.search(query)), strip(bare.search(query)), query);
    }
  });
});

describe('section hits', () => {
  it('lists at most three matching sections, heading matches first, with #anchor URLs', () => {
    const hit = index
      .search('Antrag', { prefix: false })
      .hits.find((each) => each.id === 'wohngeld-antrag')!;
    const sections = hit.sections!;
    assert.equal(sections.length, 3, 'four sections match; three are shown');
    assert.equal(sections[0]!.anchor, 'antrag-stellen', 'the heading match first');
    assert.equal(sections[0]!.url, '/wohngeld/antrag#antrag-stellen');
    assert.deepEqual(sections[0]!.titleMatches, [[0, 6]]);
    assert.match(sections[0]!.snippet.text, /Den Antrag auf Wohngeld/);
    const [from, to] = sections[0]!.snippet.matches[0]!;
    assert.equal(sections[0]!.snippet.text.slice(from, to), 'Antrag');
    // The others match in their text only, in page order.
    assert.deepEqual(
      sections.slice(1).map((section) => section.anchor),
      ['unterlagen', 'bescheid'],
    );
    assert.deepEqual(sections[1]!.titleMatches, []);
    for (const section of sections.slice(1)) assert.ok(section.snippet.matches.length > 0);
  });

  it('prefers sections with more and rarer words', () => {
    const hit = index.search('Wohngeld Mietvertrag', { prefix: false }).hits[0]!;
    assert.equal(hit.id, 'wohngeld-antrag');
    assert.equal(hit.sections![0]!.anchor, 'unterlagen');
  });

  it('replaces the fragment of a page URL', () => {
    const hit = index.search('Bruttokaltmiete', { prefix: false }).hits[0]!;
    assert.equal(hit.id, 'wohngeld-rechner');
    assert.equal(hit.sections![0]!.url, '/wohngeld/rechner#miete');
  });

  it("takes the page's snippet from the best section when the body text has no match", () => {
    const hit = index.search('Höchstbetrag', { prefix: false }).hits[0]!;
    assert.equal(hit.id, 'wohngeld-antrag');
    assert.equal(hit.sections![0]!.anchor, 'mietstufe');
    assert.match(hit.snippet.text, /Höchstbetrag/);
    assert.deepEqual(hit.snippet, hit.sections![0]!.snippet);
    // With a match in the body, the body's snippet stays.
    const body = index.search('Zuschuss', { prefix: false }).hits[0]!;
    assert.match(body.snippet.text, /^Wohngeld ist ein Zuschuss/);
  });

  it('has no sections when none matches', () => {
    const hit = index.search('Absatz', { prefix: false }).hits[0]!;
    assert.equal(hit.id, 'wohngeld-antrag');
    assert.equal(hit.sections, undefined);
  });
});

describe('stored sections', () => {
  const long = (word: string) => `${word} `.repeat(1000).trim();
  const sections = [
    { anchor: 'kurz', title: 'Kurz', text: 'Nur ein Satz.' },
    ...Array.from({ length: 9 }, (_, i) => ({
      anchor: `teil-${i}`,
      title: `Teil ${i}`,
      text: long(`Wort${i}`),
    })),
    { anchor: 'leer', title: 'Ohne Text', text: '' },
  ];
  const doc = (storedTextLength: number) =>
    buildIndex([{ id: 'a', title: 'Seite', url: '/a', body: 'Einleitung.', sections }], {
      storedTextLength,
    }).documents[0]!;

  it('keeps every heading and shares a budget of the stored text length', () => {
    const stored = doc(2000);
    assert.deepEqual(
      stored.sections!.map((section) => [section.anchor, section.title]),
      sections.map((section) => [section.anchor, section.title]),
    );
    const texts = stored.sections!.map((section) => section.text ?? '');
    assert.equal(texts[0], 'Nur ein Satz.', 'a short section is kept whole');
    const total = texts.reduce((sum, text) => sum + text.length, 0);
    assert.ok(total <= 2000 && total > 1800, `${total} characters`);
    // What the short one leaves goes to the long ones, equally, cut at the end of a word.
    for (const text of texts.slice(1, 10)) {
      assert.ok(text.length > 190 && text.length <= 250, `${text.length}`);
      assert.match(text, /^Wort\d( Wort\d)*$/);
    }
    assert.equal(stored.sections!.at(-1)!.text, undefined);
  });

  it('keeps headings only with a budget of 0', () => {
    const stored = doc(0);
    assert.equal(stored.sections!.length, sections.length);
    assert.ok(stored.sections!.every((section) => section.text === undefined));
  });

  it('keeps text that lies in the stored body text as a range of it', () => {
    const stored = buildIndex(FILTER_SITE).documents.find((d) => d.id === 'wohngeld-rechner')!;
    const [section] = stored.sections!;
    assert.equal(section!.text, undefined);
    assert.equal(
      stored.text.slice(section!.span![0], section!.span![1]),
      'Geben Sie die Bruttokaltmiete ein.',
    );
  });

  it('refuses damaged sections in an index file', () => {
    const serialized = JSON.parse(JSON.stringify(buildIndex(FILTER_SITE)));
    serialized.documents[0].sections = [{ anchor: 1 }];
    assert.throws(() => loadIndex(serialized), /sections/);
    const noValues = JSON.parse(JSON.stringify(buildIndex(FILTER_SITE)));
    noValues.filterValues = { category: [['x', 'many']] };
    assert.throws(() => loadIndex(noValues), /filter values/);
  });
});
