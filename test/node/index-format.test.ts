import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PostingsWriter } from '../../src/core/postings.js';
import {
  ANALYZER_VERSION,
  buildIndex,
  ContentError,
  INDEX_FORMAT,
  INDEX_FORMAT_VERSION,
  IndexLoadError,
  loadIndex,
  type SerializedIndex,
} from '../../src/core/index.js';

const docs = [
  {
    id: 'a',
    title: 'Wohngeld',
    url: '/a',
    summary: 'Zuschuss',
    body: 'Text über Wohngeld.',
    updated: '2026-10-01',
  },
  {
    id: 'b',
    title: 'Asyl',
    url: 'https://example.org/b',
    body: 'Asylverfahren',
    updated: '2026-11-02',
  },
];
const fresh = (): SerializedIndex => JSON.parse(JSON.stringify(buildIndex(docs)));

function rejects(input: unknown, code: string, message: RegExp) {
  assert.throws(
    () => loadIndex(input),
    (error: unknown) =>
      error instanceof IndexLoadError && error.code === code && message.test(error.message),
  );
}

describe('index file', () => {
  it('records format, versions, dates and counts', () => {
    const index = buildIndex(docs, { now: () => new Date('2026-11-28T10:00:00Z') });
    assert.equal(index.format, INDEX_FORMAT);
    assert.equal(index.formatVersion, INDEX_FORMAT_VERSION);
    assert.equal(index.analyzerVersion, ANALYZER_VERSION);
    assert.equal(index.builtAt, '2026-11-28T10:00:00.000Z');
    assert.equal(index.dataDate, '2026-11-02', 'Datenstand defaults to the newest updated date');
    assert.equal(index.documentCount, 2);
    assert.ok(index.synonyms.length > 10, 'built-in synonyms are stored');
    assert.equal(buildIndex(docs, { dataDate: '2026-01-01' }).dataDate, '2026-01-01');
  });

  it('round-trips through JSON and through a JSON string', () => {
    const fromObject = loadIndex(fresh());
    const fromString = loadIndex(JSON.stringify(buildIndex(docs)));
    assert.equal(fromObject.search('Wohngeld').hits[0]?.id, 'a');
    assert.equal(fromString.search('Wohngeld').hits[0]?.id, 'a');
    assert.equal(fromString.dataDate, '2026-11-02');
    assert.equal(fromString.documentCount, 2);
  });

  it('is deterministic for the same input and clock', () => {
    const now = () => new Date('2026-11-28T00:00:00Z');
    assert.equal(
      JSON.stringify(buildIndex(docs, { now })),
      JSON.stringify(buildIndex(docs, { now })),
    );
  });
});

describe('loading bad input', () => {
  it('rejects text that is not JSON', () => {
    rejects('<!doctype html><h1>404</h1>', 'not-json', /not valid JSON/);
    rejects('{"format": "hzd-search-index", ', 'not-json', /incomplete/);
  });

  it('rejects other JSON', () => {
    rejects({}, 'not-an-index', /not an hzd-search-widget index/);
    rejects([], 'not-an-index', /index-src/);
    rejects(null, 'not-an-index', /not an hzd-search-widget index/);
  });

  it('rejects another format version', () => {
    rejects(
      { ...fresh(), formatVersion: 99 },
      'unsupported-format-version',
      /version 99.*reads version 4.*Rebuild/,
    );
  });

  it('rejects another analyzer version', () => {
    rejects({ ...fresh(), analyzerVersion: 'de-0' }, 'analyzer-mismatch', /de-0.*Rebuild/);
  });

  it('rejects damaged files', () => {
    rejects({ ...fresh(), documents: fresh().documents.slice(1) }, 'corrupt', /document count/);
    rejects({ ...fresh(), vocabulary: 'x' }, 'corrupt', /vocabulary/);
    rejects({ ...fresh(), synonyms: [[1]] }, 'corrupt', /synonyms/);
    rejects({ ...fresh(), fields: [] }, 'corrupt', /fields/);
    rejects({ ...fresh(), keys: fresh().keys.slice(1) }, 'corrupt', /keys do not match/);
    const unsorted = fresh();
    [unsorted.keys[0], unsorted.keys[1]] = [unsorted.keys[1]!, unsorted.keys[0]!];
    rejects(unsorted, 'corrupt', /not sorted/);
    rejects({ ...fresh(), averageFieldLengths: [1] }, 'corrupt', /field lengths/);
    const badDoc = fresh();
    (badDoc.documents[0] as unknown as Record<string, unknown>)['title'] = 5;
    rejects(badDoc, 'corrupt', /id, title or url/);
    // Postings are decoded when a query needs them: damage shows as a clear error then.
    const badPostings = fresh();
    const at = badPostings.keys.indexOf('wohngeld');
    assert.ok(at >= 0);
    badPostings.postings[at] = '"broken"';
    const loaded = loadIndex(badPostings);
    assert.throws(
      () => loaded.search('wohngeld'),
      (error: unknown) =>
        error instanceof IndexLoadError &&
        error.code === 'corrupt' &&
        /damaged/.test(error.message),
    );
    const wrongIds = fresh();
    const writer = new PostingsWriter();
    writer.add('wohngeld', 7, [{ field: 0, kind: 0, count: 1, position: 0, lengthClass: 1 }]);
    wrongIds.postings[at] = writer.finish().postings[0]!;
    assert.throws(
      () => loadIndex(wrongIds).search('wohngeld'),
      (error: unknown) => error instanceof IndexLoadError && /unknown document/.test(error.message),
    );
  });
});

describe('stored text', () => {
  /** Control characters, unpaired surrogates and bidi embeddings, overrides and isolates. */
  const FORBIDDEN =
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

  /** Every string in a JSON-like value, object keys included. */
  function allStrings(value: unknown): string[] {
    if (typeof value === 'string') return [value];
    if (typeof value !== 'object' || value === null) return [];
    const entries = Array.isArray(value) ? value.map((item) => [item]) : Object.entries(value);
    return entries.flat().flatMap(allStrings);
  }

  const hostile = {
    id: 'x',
    title: ' \u202eWohn\u0000geld\u202c\u0007 beantragen\u001b[31m ',
    url: '/x',
    summary: 'Kurz\tund\u0085b\u00fcndig \ud83d\ude00 \ud800 \udfff',
    body: 'Zeile eins\r\nZeile zwei\rZeile drei\u000cZeile vier\u009b \u2067Ende\u2069',
    keywords: ['Miet\u0000zuschuss', '\u202dHeWoG'],
    partners: ['Hessen\u0001'],
    levels: ['Land\u2066'],
    category: 'Sozial\u007fes',
    lang: 'de\u0000',
  };

  it('removes control characters, unpaired surrogates and bidi controls', () => {
    const index = buildIndex([hostile], { synonyms: [['Wohn\u0000geld', 'Miet\u202ezuschuss']] });
    const stored = index.documents[0]!;
    assert.equal(stored.title, 'Wohngeld beantragen[31m');
    assert.equal(stored.summary, 'Kurz\tund\nbündig \ud83d\ude00');
    assert.equal(stored.text, 'Zeile eins\nZeile zwei\nZeile drei\nZeile vier Ende');
    assert.deepEqual(stored.partners, ['Hessen']);
    assert.deepEqual(stored.levels, ['Land']);
    assert.equal(stored.category, 'Soziales');
    assert.equal(stored.lang, 'de');
    assert.deepEqual(index.synonyms.at(-1), ['Wohngeld', 'Mietzuschuss']);
    // Nothing of it anywhere in the file, vocabulary and engine terms included. (Not a test on
    // the JSON text: JSON.stringify writes these characters as escapes.)
    for (const text of allStrings(index))
      assert.doesNotMatch(text, FORBIDDEN, JSON.stringify(text));
  });

  it('keeps words whole for search and highlighting', () => {
    const index = loadIndex(JSON.stringify(buildIndex([hostile])));
    // "Wohn\u0000geld" was two words; only "geld" was highlighted.
    assert.deepEqual(index.search('Wohngeld', { prefix: false }).hits[0]?.titleMatches, [[0, 8]]);
    for (const query of ['Mietzuschuss', 'HeWoG', 'Ende']) {
      assert.equal(index.search(query, { prefix: false }).hits[0]?.id, 'x', query);
    }
  });

  it('treats a title of only control characters as missing', () => {
    assert.throws(
      () => buildIndex([{ id: 'a', title: '\u0000\u202e\u0007', url: '/a' }]),
      (error: unknown) => error instanceof ContentError && error.location.field === 'title',
    );
  });
});

describe('document validation', () => {
  function invalid(input: unknown[], field: string | undefined, message: RegExp) {
    assert.throws(
      () => buildIndex(input),
      (error: unknown) =>
        error instanceof ContentError &&
        error.location.field === field &&
        message.test(error.message),
    );
  }

  it('names the problem and the field', () => {
    invalid([], undefined, /empty/);
    invalid([{ title: 'x', url: '/x' }], 'id', /"id" is missing/);
    invalid([{ id: 'a', url: '/x' }], 'title', /"title" is missing/);
    invalid([{ id: 'a', title: 'x' }], 'url', /"url" is missing/);
    invalid([{ id: 'a', title: 'x', url: 'javascript:alert(1)' }], 'url', /http/);
    invalid([{ id: 'a', title: 'x', url: 'java\tscript:alert(1)' }], 'url', /http/);
    invalid([{ id: 'a', title: 'x', url: 'data:text/html,x' }], 'url', /http/);
    invalid(
      [
        { id: 'a', title: 'x', url: '/x' },
        { id: 'a', title: 'y', url: '/y' },
      ],
      'id',
      /Duplicate id "a"/,
    );
    invalid([{ id: 'a', title: 'x', url: '/x', updated: '28.11.2026' }], 'updated', /YYYY-MM-DD/);
    invalid([{ id: 'a', title: 'x', url: '/x', keywords: [1, 2] }], 'keywords', /list of texts/);
    invalid([{ id: 'a b', title: 'x', url: '/x' }], 'id', /may only contain/);
    invalid([{ id: 'a', title: 'x', url: '/x', body: 'x'.repeat(2_000_001) }], 'body', /too large/);
  });

  it('refuses dates that do not exist, in documents and as the Datenstand', () => {
    const doc = (updated: unknown) => [{ id: 'a', title: 'x', url: '/x', updated }];
    for (const date of ['2026-02-30', '2023-02-29', '1900-02-29', '2026-04-31', '2026-13-01']) {
      invalid(doc(date), 'updated', new RegExp(`a date that exists: ${date} is not in the`));
    }
    invalid(doc('2026-00-10'), 'updated', /is not in the calendar/);
    invalid(doc('2026-01-00'), 'updated', /is not in the calendar/);
    invalid(doc(new Date('kein Datum')), 'updated', /invalid Date/);
    assert.throws(
      () => buildIndex(doc('2026-01-01'), { dataDate: '2026-02-30' }),
      (error: unknown) =>
        error instanceof ContentError &&
        error.location.field === 'dataDate' &&
        /"dataDate" must be a date that exists/.test(error.message),
    );
    assert.throws(() => buildIndex(doc('2026-01-01'), { dataDate: '30.01.2026' }), /YYYY-MM-DD/);
  });

  it('accepts leap days and the last days of months', () => {
    for (const date of ['2024-02-29', '2000-02-29', '2026-02-28', '2026-04-30', '2026-12-31']) {
      assert.equal(buildIndex([{ id: 'a', title: 'x', url: '/x', updated: date }]).dataDate, date);
      assert.equal(
        buildIndex([{ id: 'a', title: 'x', url: '/x' }], { dataDate: date }).dataDate,
        date,
      );
    }
    const fromDate = buildIndex([
      { id: 'a', title: 'x', url: '/x', updated: new Date('2024-02-29') },
    ]);
    assert.equal(fromDate.documents[0]?.updated, '2024-02-29');
  });

  it("turns numeric ids into text without changing the caller's documents", () => {
    const input = { id: 7, title: 'Sieben', url: '/7' };
    const index = buildIndex([input]);
    assert.equal(index.documents[0]?.id, '7');
    assert.equal(input.id, 7);
  });

  it('accepts relative and http(s) URLs', () => {
    for (const url of ['/a', 'a.html', '#x', '?q=1', 'https://hessen.de/x', 'http://example.org']) {
      assert.doesNotThrow(() => buildIndex([{ id: 'a', title: 'x', url }]), url);
    }
  });
});
