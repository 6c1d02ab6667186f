/**
 * Ranking that holds on content nobody tuned it for: the order of evidence (exact form, folded
 * spelling, inflection, typo, compound part), names, multi-word coordination, compounds both
 * ways, English loan words, and suggestions grouped by word.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildIndex, loadIndex, type SearchDocument } from '../../src/core/index.js';

function indexOf(documents: SearchDocument[]) {
  return loadIndex(buildIndex(documents));
}

function ids(index: ReturnType<typeof indexOf>, query: string): string[] {
  return index.search(query, { prefix: false }).hits.map((hit) => hit.id);
}

/** Pages about the same word, each naming it in another way, with bodies of equal length. */
const tiers = indexOf([
  { id: 'part', title: 'Zustellungsvorschriftenkunde', url: '/part', body: 'Regeln und Hinweise.' },
  { id: 'stem', title: 'Zustellungsvorschriften', url: '/stem', body: 'Regeln und Hinweise.' },
  { id: 'exact', title: 'Zustellungsvorschrift', url: '/exact', body: 'Regeln und Hinweise.' },
  { id: 'other', title: 'Meldevorschrift', url: '/other', body: 'Regeln und Hinweise.' },
]);

describe('the order of evidence', () => {
  it('ranks the exact written form above another inflection and above a compound part', () => {
    assert.deepEqual(ids(tiers, 'Zustellungsvorschrift'), ['exact', 'stem', 'part']);
  });

  it('finds the inflected target from an inflected query, and its base form next', () => {
    assert.deepEqual(ids(tiers, 'Zustellungsvorschriften').slice(0, 2), ['stem', 'exact']);
  });

  it('ranks a folded spelling of the word above another inflection of it', () => {
    const index = indexOf([
      { id: 'inflected', title: 'Glücksspiele', url: '/a', body: 'Regeln und Hinweise.' },
      { id: 'folded', title: 'Glücksspiel', url: '/b', body: 'Regeln und Hinweise.' },
    ]);
    assert.deepEqual(ids(index, 'Gluecksspiel'), ['folded', 'inflected']);
    assert.deepEqual(ids(index, 'Glucksspiel'), ['folded', 'inflected']);
  });

  it('ranks a typo variant below the exact matches of another query word', () => {
    const index = indexOf([
      { id: 'typo-only', title: 'Mietvertrag', url: '/a', body: 'Hinweise zum Vertrag.' },
      { id: 'exact-other', title: 'Kündigung', url: '/b', body: 'Hinweise zur Kündigung.' },
    ]);
    // "Mietvertarg" is a typo of Mietvertrag; "Kündigung" is typed right.
    assert.deepEqual(ids(index, 'Kündigung Mietvertarg'), ['exact-other', 'typo-only']);
  });

  it('tries only a few typo variants, and none for well-attested words', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      id: `v${i}`,
      // One letter changed at the end, never into an inflection ending (e, n, s, t, r).
      title: `Antra${'bcdfhjklmpqv'[i]}`,
      url: `/v${i}`,
      body: 'Text.',
    }));
    const index = indexOf([
      ...many,
      { id: 'a1', title: 'Antrag', url: '/a1', body: 'Antrag.' },
      { id: 'a2', title: 'Antrag stellen', url: '/a2', body: 'Antrag.' },
      { id: 'a3', title: 'Antrag prüfen', url: '/a3', body: 'Antrag.' },
    ]);
    // "Antrag" is in three documents: its one-letter neighbours are not typos of it.
    assert.deepEqual(ids(index, 'Antrag').sort(), ['a1', 'a2', 'a3']);
    // "Antraw" is unknown: it gets a few of its thirteen neighbours, not all.
    const typo = index.search('Antraw', { limit: 20, prefix: false });
    const variants = new Set(typo.hits.map((hit) => hit.title.split(' ')[0]));
    assert.ok(variants.size > 0 && variants.size <= 4, [...variants].join());
  });

  it('ranks a document whose title is the query above one that only contains it', () => {
    const index = indexOf([
      { id: 'contains', title: 'Wohngeld und Miete', url: '/a', body: 'Wohngeld Wohngeld.' },
      { id: 'named', title: 'Wohngeld – Landesportal', url: '/b', body: 'Informationen.' },
    ]);
    assert.equal(ids(index, 'Wohngeld')[0], 'named');
  });
});

describe('multi-word queries', () => {
  const index = indexOf([
    {
      id: 'publish',
      title: 'Software veröffentlichen',
      url: '/publish',
      body: 'So veröffentlichen Sie Software der Stadt als Open Source.',
    },
    { id: 'software', title: 'Software', url: '/software', body: 'Programme der Verwaltung.' },
    { id: 'own', title: 'Eigene Wege', url: '/own', body: 'Eigene Projekte.' },
  ]);

  it('never comes back empty while some of the words match, and says which are missing', () => {
    const results = index.search('eigene Software veröffentlichen', { prefix: false });
    assert.equal(results.hits[0]?.id, 'publish');
    assert.deepEqual(results.missingWords, ['eigene']);
    assert.deepEqual(results.hits[0]?.missingWords, ['eigene']);
  });

  it('puts documents with all words first, then those with the most and rarest', () => {
    const results = index.search('Software veröffentlichen', { prefix: false });
    assert.deepEqual(
      results.hits.map((hit) => hit.id),
      ['publish', 'software'],
    );
    assert.equal(results.missingWords, undefined);
    assert.deepEqual(results.hits[1]?.missingWords, ['veröffentlichen']);
  });
});

describe('compounds in both directions, and English loan words', () => {
  const index = indexOf([
    { id: 'web', title: 'Web-Analyse', url: '/web', body: 'Eine Web-Analyse ohne Cookies.' },
    {
      id: 'mind',
      title: 'Mind Map erstellen',
      url: '/mind',
      body: 'Mit einer Mind Map ordnen Sie Ideen.',
    },
    { id: 'mindmaps', title: 'Mindmaps', url: '/mindmaps', body: 'Mindmaps helfen beim Denken.' },
    {
      id: 'bf',
      title: 'Erklärung zur Barrierefreiheit',
      url: '/bf',
      body: 'Diese Erklärung zur Barrierefreiheit gilt für das Portal.',
    },
    {
      id: 'sr',
      title: 'Screenreader',
      url: '/sr',
      body: 'Hinweise für Nutzer eines Screenreaders.',
    },
    {
      id: 'pw',
      title: 'Passwort-Manager',
      url: '/pw',
      body: 'Ein Passwort-Manager speichert Kennwörter.',
    },
    { id: 'lt', title: 'Load Testing', url: '/lt', body: 'Load Testing prüft die Last.' },
    { id: 'noise', title: 'Allgemeines', url: '/noise', body: 'Ein Text über anderes.' },
  ]);

  const cases: [string, string][] = [
    ['webanalyse', 'web'],
    ['web analyse', 'web'],
    ['mindmap', 'mind'],
    ['mind map', 'mind'],
    ['barrierefreiheitserklärung', 'bf'],
    ['screen reader', 'sr'],
    ['Screen-Reader', 'sr'],
    ['passwort manager', 'pw'],
    ['passwortmanager', 'pw'],
    ['loadtesting', 'lt'],
    ['load-testing', 'lt'],
  ];
  for (const [query, expected] of cases) {
    it(`"${query}" finds ${expected}`, () => {
      assert.ok(ids(index, query).slice(0, 2).includes(expected), ids(index, query).join());
    });
  }

  it('marks both words of a pair matched joined', () => {
    const hit = index.search('mindmap', { prefix: false }).hits.find((each) => each.id === 'mind')!;
    assert.deepEqual(
      hit.titleMatches.map(([start, end]) => hit.title.slice(start, end)),
      ['Mind', 'Map'],
    );
  });
});

describe('suggestions', () => {
  const index = indexOf([
    { id: 'w1', title: 'Wohngeld', url: '/w1', body: 'Das Wohngeld und die Höhe des Wohngeldes.' },
    { id: 'w2', title: 'Wohngeld beantragen', url: '/w2', body: 'Antrag auf Wohngeld.' },
    { id: 'w3', title: 'Wohnungssuche', url: '/w3', body: 'Eine Wohnung finden.' },
    { id: 'm1', title: 'Mieter', url: '/m1', body: 'Rechte der Mieter, des Mieters, den Mietern.' },
    {
      id: 'k1',
      title: 'Kündigungsfrist',
      url: '/k1',
      body: 'Die Kündigungsfrist im Mietvertrag beträgt drei Monate.',
    },
  ]);

  it('groups inflections under one entry, the form titles use', () => {
    const { completions } = index.suggest('Wohng');
    assert.deepEqual(completions, ['Wohngeld']);
    const mieter = index.suggest('Miet').completions.filter((text) => /^Mieter/i.test(text));
    assert.deepEqual(mieter, ['Mieter']);
  });

  it('continues a phrase with words that occur with the ones before', () => {
    const { completions } = index.suggest('kündigungsfrist miet');
    assert.equal(completions[0], 'kündigungsfrist Mietvertrag');
    assert.ok(!completions.includes('kündigungsfrist Mieter'), completions.join());
  });

  it('corrects only to words the index holds', () => {
    assert.equal(index.suggest('Wohngelt ').correction, 'Wohngeld ');
    assert.equal(index.suggest('Xylophonbau ').correction, undefined);
  });
});
