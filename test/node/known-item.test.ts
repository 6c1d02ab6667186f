/**
 * The known-item eval's own machinery: the independent compound splitter, the query rules, the
 * help readers, the metrics, and that the committed query sets follow the rules (law targets
 * never come from the held-out citizen laws).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { IndependentSplitter } from '../eval/known-item/compound-split.js';
import { WORD_LIST_PATH, readWordList } from '../eval/known-item/corpus-stats.js';
import { docbookDocuments, docbookEntities } from '../eval/known-item/docbook.js';
import { mrr, queriesOf, rank, recall } from '../eval/known-item/evaluate.js';
import { readInstalledHelp } from '../eval/known-item/help-corpus.js';
import { lawAbbreviation, lawHeading, readLawCorpus } from '../eval/known-item/law-corpus.js';
import { pageDocuments } from '../eval/known-item/mallard.js';
import {
  KINDS,
  inflect,
  makeTypo,
  transliterate,
  type WordKnowledge,
} from '../eval/known-item/query-kinds.js';
import { seededRandom, shuffled } from '../eval/known-item/random.js';
import { readQuerySet, SETS } from '../eval/known-item/sets.js';
import { drawTargets } from '../eval/known-item/targets.js';

const DICTIONARY = new Set(
  `aufenthalt erlaubnis erlaubnisse bildung ausbildung aus bereit schaft wohngeld berechtigung
  berechtigungen vorschrift vorschriften strafe stelle bund amt bezirk bezirks recht rechts
  dienst dienstes diensts nachricht nachrichten`
    .split(/\s+/)
    .filter(Boolean),
);
/** Corpus frequencies: every word 10 times, some more (the most frequent reading wins). */
const FREQUENCY = new Map([
  ...[...DICTIONARY].map((word): [string, number] => [word, 10]),
  ['schaft', 50],
  ['nachricht', 30],
  ['dienstes', 20],
]);
const WORDS: WordKnowledge = {
  isWord: (w) => DICTIONARY.has(w),
  isListed: (w) => DICTIONARY.has(w),
  frequency: (w) => FREQUENCY.get(w) ?? 0,
};

describe('independent compound splitter', () => {
  const splitter = new IndependentSplitter(DICTIONARY, FREQUENCY);

  it('splits at a linking -s- and gives the parts as separate words', () => {
    assert.deepEqual(splitter.split('Aufenthaltserlaubnis'), {
      parts: ['Aufenthalt', 'Erlaubnis'],
      head: 'Erlaubnis',
    });
  });

  it('restores a dropped final -e of a modifier ("Straf-" of "Strafe")', () => {
    assert.deepEqual(splitter.split('Strafvorschriften')?.parts, ['Strafe', 'Vorschriften']);
  });

  it('splits into more than two parts where every part is a word', () => {
    assert.deepEqual(splitter.split('Bundesnachrichtendienst')?.parts, [
      'Bund',
      'Nachricht',
      'Dienst',
    ]);
  });

  it('does not take verb particles as modifiers or suffixes as heads', () => {
    assert.equal(splitter.split('Ausbildung'), null);
    assert.equal(splitter.split('Bereitschaft'), null);
  });

  it('needs every part to occur in the corpus at least twice', () => {
    const rare = new IndependentSplitter(DICTIONARY, new Map([['erlaubnis', 5]]));
    assert.equal(rare.split('Aufenthaltserlaubnis'), null);
  });

  it('is no compound when no split exists', () => {
    assert.equal(splitter.split('Erlaubnis'), null);
  });
});

describe('query rules', () => {
  it('makes one deterministic typo, never at the first letter, that is no known word', () => {
    const typos = new Set<string>();
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      const typo = makeTypo('Wohngeldberechtigung', WORDS.isWord, seed)!;
      assert.equal(typo, makeTypo('Wohngeldberechtigung', WORDS.isWord, seed));
      assert.equal(typo[0], 'W');
      assert.ok(editDistance(typo.toLowerCase(), 'wohngeldberechtigung') === 1, typo);
      assert.ok(!DICTIONARY.has(typo.toLowerCase()));
      typos.add(typo);
    }
    assert.ok(typos.size > 1, 'different seeds give different typos');
  });

  it('transliterates umlauts and ß', () => {
    assert.equal(
      transliterate('Übergangsgebühr Straße Öl Ähre'),
      'Uebergangsgebuehr Strasse Oel Aehre',
    );
  });

  it('inflects by the head ending, only to forms of the word list', () => {
    assert.equal(inflect('Wohngeldberechtigung', 'Berechtigung', WORDS), 'Wohngeldberechtigungen');
    assert.equal(inflect('Strafvorschriften', 'Vorschriften', WORDS), 'Strafvorschrift');
    assert.equal(inflect('Aufenthaltserlaubnis', 'Erlaubnis', WORDS), 'Aufenthaltserlaubnisse');
    assert.equal(inflect('Zollfahndungsdienst', 'Dienst', WORDS), 'Zollfahndungsdienstes');
    assert.equal(inflect('Bundesamt', 'Amt', WORDS), null);
  });

  it('shuffles the same way for the same seed', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    assert.deepEqual(shuffled(items, seededRandom(7)), shuffled(items, seededRandom(7)));
    assert.notDeepEqual(shuffled(items, seededRandom(7)), shuffled(items, seededRandom(8)));
    assert.deepEqual(
      [...shuffled(items, seededRandom(7))].sort((a, b) => a - b),
      items,
    );
  });
});

describe('drawing targets', () => {
  const docs = [
    {
      id: 'a/p1',
      title: '§ 1 Aufenthaltserlaubnis – Gesetz A (AG)',
      url: '/a1',
      keywords: ['AG'],
      body: 'Aufenthalt Erlaubnis Erlaubnis Aufenthalt',
    },
    {
      id: 'a/p2',
      title: '§ 2 Strafvorschriften – Gesetz A (AG)',
      url: '/a2',
      keywords: ['AG'],
      body: 'Strafe Strafe Vorschriften Vorschriften',
    },
    {
      id: 'b/p1',
      title: '§ 1 Strafvorschriften – Gesetz B (BG)',
      url: '/b1',
      keywords: ['BG'],
      body: 'Strafe Strafe Vorschriften Vorschriften',
    },
    {
      id: 'b/p2',
      title: '§ 2 Erlaubnis – Gesetz B (BG)',
      url: '/b2',
      keywords: ['BG'],
      body: 'erlaubt',
    },
  ];
  const rules = {
    heading: (d: { title: string }) => lawHeading(d.title),
    fallbackCompanions: lawAbbreviation,
  };

  it('takes only compounds that no other heading holds, deterministically', () => {
    const options = { seed: 1, perKind: 10, description: 'test' };
    const set = drawTargets(docs, rules, DICTIONARY, options);
    assert.deepEqual(
      set.targets.map((t) => t.expected),
      ['a/p1'],
    );
    assert.deepEqual(set.targets[0]!.queries, {
      exact: 'Aufenthaltserlaubnis',
      lower: 'aufenthaltserlaubnis',
      typo: set.targets[0]!.queries.typo,
      parts: 'Aufenthalt Erlaubnis',
      head: 'Erlaubnis',
      inflected: 'Aufenthaltserlaubnisse',
      'two words': 'Aufenthaltserlaubnis AG',
    });
    assert.deepEqual(drawTargets(docs, rules, DICTIONARY, options), set);
  });

  it('reads the heading of a law section title', () => {
    assert.equal(
      lawHeading('§ 3 Wohngeldberechtigung – Wohngeldgesetz (WoGG)'),
      'Wohngeldberechtigung',
    );
    assert.equal(
      lawHeading('§ 8 Teil 2 der Abschlussprüfung – Verordnung (X)'),
      'Teil 2 der Abschlussprüfung',
    );
    assert.equal(lawHeading('§ 7 – Verordnung (SchRegDV)'), '');
    assert.equal(lawHeading('Art 2 – Verordnung (Y)'), '');
  });
});

describe('help readers', () => {
  it('makes a Mallard page into an intro document and one per section, without <info>', () => {
    const page = `<?xml version="1.0" encoding="utf-8"?>
<page xmlns="http://projectmallard.org/1.0/" type="topic" id="power-batterylife">
  <info><desc>Nicht im Text</desc><credit><name>Autor</name></credit></info>
  <title>Energie sparen</title>
  <p>Rechner <gui>verbrauchen</gui> Energie &amp; Strom.</p>
  <section id="general"><title>Allgemeine Tipps</title><p>Bildschirm abschalten.</p>
    <section id="more"><title>Mehr</title><p>Innen.</p></section>
  </section>
</page>`;
    const docs = pageDocuments(
      page,
      'gnome-help',
      'power-batterylife',
      '/h/power-batterylife.page',
    );
    assert.deepEqual(
      docs.map((d) => [d.id, d.title, d.body]),
      [
        ['gnome-help/power-batterylife', 'Energie sparen', 'Rechner verbrauchen Energie & Strom.'],
        [
          'gnome-help/power-batterylife/general',
          'Allgemeine Tipps – Energie sparen',
          'Bildschirm abschalten.',
        ],
        ['gnome-help/power-batterylife/more', 'Mehr – Energie sparen', 'Innen.'],
      ],
    );
    assert.equal(docs[1]!.heading, 'Allgemeine Tipps');
    assert.equal(docs[1]!.url, '/h/power-batterylife.page#general');
  });

  it('makes DocBook sections into documents, with the folder’s text entities replaced', () => {
    const entities = docbookEntities(['<!ENTITY app "GnuCash"> <!ENTITY appv "&app; 4">']);
    const chapter = `<?xml version="1.0"?>
<!DOCTYPE chapter SYSTEM "gnc.dtd">
<chapter id="basics"><chapterinfo><title>Nicht</title></chapterinfo>
  <title>Die Grundlagen</title><para>Mit &appv; und&nbsp;mehr.</para>
  <sect1 id="accounts"><title>Kontenarten</title><para>Konten in &app;.</para><indexterm>x</indexterm></sect1>
</chapter>`;
    const docs = docbookDocuments(
      chapter,
      entities,
      'gnucash-guide',
      'ch_basics',
      '/g/ch_basics.xml',
    );
    assert.deepEqual(
      docs.map((d) => [d.id, d.title, d.body]),
      [
        ['gnucash-guide/ch_basics/basics', 'Die Grundlagen', 'Mit GnuCash 4 und mehr.'],
        ['gnucash-guide/ch_basics/accounts', 'Kontenarten – Die Grundlagen', 'Konten in GnuCash.'],
      ],
    );
  });

  it('names the file when the XML is not well-formed', () => {
    assert.throws(
      () => pageDocuments('<page><title>x</p></page>', 'g', 'p', '/h/p.page'),
      /\/h\/p\.page/,
    );
  });
});

describe('metrics', () => {
  it('computes MRR@10 and recall@k from ranks', () => {
    assert.equal(mrr([1, 2, null, 4]), (1 + 0.5 + 0 + 0.25) / 4);
    assert.equal(recall([1, 2, null, 4], 3), 0.5);
  });

  it('ranks the expected id in each search’s results', () => {
    const queries = [
      { query: 'a', expected: 'x', kind: 'exact' as const },
      { query: 'b', expected: 'y', kind: 'exact' as const },
    ];
    const ranks = rank(queries, [{ label: 's', search: (q) => (q === 'a' ? ['x'] : ['z', 'y']) }]);
    assert.deepEqual(ranks.get('s'), [1, 2]);
  });
});

describe('committed known-item sets', () => {
  for (const definition of SETS) {
    const set = readQuerySet(definition);

    it(`${definition.name}: each kind has queries made by its rule`, () => {
      const queries = queriesOf(set);
      for (const kind of KINDS)
        assert.ok(
          queries.some((q) => q.kind === kind),
          kind,
        );
      for (const kind of [
        'exact',
        'lower',
        'typo',
        'parts',
        'head',
        'inflected',
        'two words',
      ] as const)
        assert.ok(
          queries.filter((q) => q.kind === kind).length >= 150,
          `${kind}: at least 150 targets`,
        );
      for (const target of set.targets) {
        const { exact, lower, typo, translit, parts, head, inflected } = target.queries;
        if (exact) assert.equal(exact, target.compound);
        if (lower) assert.equal(lower, target.compound.toLowerCase());
        if (typo) {
          assert.equal(typo[0], target.compound[0]);
          assert.equal(editDistance(typo.toLowerCase(), target.compound.toLowerCase()), 1);
        }
        if (translit) assert.ok(!/[äöüÄÖÜß]/.test(translit) && translit !== target.compound);
        if (parts) assert.ok(parts.split(' ').length >= 2, parts);
        if (head) assert.ok(target.compound.toLowerCase().endsWith(head.toLowerCase()), head);
        if (inflected) assert.notEqual(inflected, target.compound);
      }
    });
  }

  const law = readLawCorpus();
  it(
    'law: no target is a section of the held-out citizen laws',
    { skip: typeof law === 'string' ? law : false },
    () => {
      if (typeof law === 'string') return;
      const indexed = new Set(law.docs.map((d) => d.id));
      const set = readQuerySet(SETS.find((s) => s.name === 'law')!);
      assert.ok(law.heldOut > 0);
      for (const target of set.targets) assert.ok(indexed.has(target.expected), target.expected);
    },
  );

  const help = readInstalledHelp();
  it(
    'help: every target is a section of the help made from the installed packages',
    { skip: typeof help === 'string' ? help : false },
    () => {
      if (typeof help === 'string') return;
      const ids = new Set(help.map((d) => d.id));
      const set = readQuerySet(SETS.find((s) => s.name === 'help')!);
      for (const target of set.targets) assert.ok(ids.has(target.expected), target.expected);
    },
  );

  it(
    'law: the generator makes exactly the committed queries',
    {
      skip:
        typeof law === 'string'
          ? law
          : !existsSync(WORD_LIST_PATH)
            ? `${WORD_LIST_PATH} missing (apt-get install wngerman)`
            : false,
    },
    () => {
      if (typeof law === 'string') return;
      const definition = SETS.find((s) => s.name === 'law')!;
      const made = drawTargets(law.docs, definition.rules, readWordList(), definition);
      assert.deepEqual(made, readQuerySet(definition));
    },
  );
});

/** Levenshtein distance with adjacent transpositions counted as one edit. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}
