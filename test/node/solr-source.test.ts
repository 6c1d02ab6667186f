/**
 * SolrSource against a fake Solr on 127.0.0.1 that answers as Solr 9 does: the requests it
 * sends (edismax weights, tagged filters, facets without their own filter, escaping of hostile
 * input), how answers become hits (highlights as ranges on the stored text), suggestions and
 * corrections, and every failure as a SearchSourceError with its code.
 */
import assert from 'node:assert/strict';
import { after, afterEach, describe, it } from 'node:test';
import {
  SearchSourceError,
  SOLR_MAX_QUERY_LENGTH,
  SOLR_QUERY_FIELDS,
  SolrSource,
} from '../../src/backends/solr/index.js';
import { parseHighlight, rangesIn } from '../../src/backends/solr/solr-highlight.js';
import { parseQuery } from '../../src/backends/solr/solr-query.js';
import {
  selectAnswer,
  solrError,
  startFakeSolr,
  suggestAnswer,
  type FakeAnswer,
  type FakeRequest,
  type FakeSolr,
} from './helpers/fake-solr.js';

const H = (text: string) => text.replaceAll('[', '\uE000').replaceAll(']', '\uE001');

const WOHNGELD = {
  id: 'wohngeld',
  url: 'https://www.example.de/wohngeld',
  title: 'Wohngeld beantragen',
  summary: 'Zuschuss zur Miete für Haushalte mit geringem Einkommen.',
  category: 'Soziales',
  type: 'Seite',
  updated: '2026-11-28',
  levels: ['Länder', 'Kommunen'],
  partners: ['Hessen'],
  filter_zielgruppe: ['Bürger', 'Familien'],
  score: 7.25,
};

let solr: FakeSolr | undefined;
afterEach(async () => {
  await solr?.close();
  solr = undefined;
});
after(async () => {
  await solr?.close();
});

async function fake(handler: (request: FakeRequest) => FakeAnswer): Promise<FakeSolr> {
  solr = await startFakeSolr(handler);
  return solr;
}

const selects = (server: FakeSolr) => server.requests.filter((r) => r.path.endsWith('/select'));
const suggests = (server: FakeSolr) => server.requests.filter((r) => r.path.endsWith('/suggest'));

async function rejection(promise: Promise<unknown>): Promise<SearchSourceError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof SearchSourceError, `a SearchSourceError, not ${String(error)}`);
    return error;
  }
  assert.fail('the promise resolved');
}

describe('SolrSource: requests', () => {
  it('searches /hzd/select with edismax, the client weights and every word required', async () => {
    const server = await fake(() => selectAnswer({ docs: [WOHNGELD] }));
    const source = new SolrSource({ url: server.url });
    await source.search('Wohngeld Antrag', { prefix: false, limit: 5, offset: 10 });
    assert.equal(server.requests.length, 1);
    const [request] = server.requests;
    assert.equal(request!.path, '/solr/portal/hzd/select');
    const params = request!.params;
    assert.equal(params.get('defType'), 'edismax');
    assert.equal(params.get('qf'), SOLR_QUERY_FIELDS);
    assert.equal(params.get('qf'), 'title^6 keywords^4 headings^3 summary^2 body^1 meta^1.5');
    assert.equal(params.get('uf'), '-*');
    assert.equal(params.get('q'), '+Wohngeld +Antrag');
    assert.equal(params.get('rows'), '5');
    assert.equal(params.get('start'), '10');
    assert.equal(params.get('hl.method'), 'unified');
    assert.equal(params.get('hl.tag.pre'), '\uE000');
    assert.equal(params.get('hl.tag.post'), '\uE001');
    assert.ok(!params.get('fl')!.split(',').includes('body'), 'the body stays on the server');
    assert.equal(params.get('spellcheck.q'), 'Wohngeld Antrag');
    assert.equal(params.get('facet'), 'false');
  });

  it('drops stop words, but searches a query of stop words alone', async () => {
    const server = await fake(() => selectAnswer({ docs: [] }));
    const source = new SolrSource({ url: server.url });
    await source.search('Wie beantrage ich Wohngeld', { prefix: false });
    assert.equal(selects(server)[0]!.params.get('q'), '+beantrage +Wohngeld');
    // The correction keeps the question as typed.
    assert.equal(selects(server)[0]!.params.get('spellcheck.q'), 'Wie beantrage ich Wohngeld');
    await source.search('die', { prefix: false });
    assert.equal(selects(server).at(-1)!.params.get('q'), '+die');
  });

  it('completes the word being typed with the suggester and searches it or its completions', async () => {
    const server = await fake((request) =>
      request.path.endsWith('/suggest')
        ? suggestAnswer('wohng', ['Wohngeld beantragen', 'Wohngeldstelle', 'Wohngeld'])
        : selectAnswer({ docs: [WOHNGELD] }),
    );
    const source = new SolrSource({ url: server.url });
    await source.search('antrag wohng');
    assert.equal(suggests(server).length, 1);
    assert.equal(suggests(server)[0]!.params.get('suggest.q'), 'wohng');
    assert.equal(
      selects(server)[0]!.params.get('q'),
      '+antrag +(wohng OR Wohngeld OR Wohngeldstelle)',
    );
    // A word being completed is not "corrected".
    assert.equal(selects(server)[0]!.params.get('spellcheck.q'), 'antrag');

    // Submitted: the word is searched as it is, without asking the suggester.
    await source.search('antrag wohng', { prefix: false });
    assert.equal(suggests(server).length, 1);
    assert.equal(selects(server)[1]!.params.get('q'), '+antrag +wohng');
    // A word followed by a space is finished.
    await source.search('antrag wohng ');
    assert.equal(selects(server)[2]!.params.get('q'), '+antrag +wohng');
  });

  it('a failing suggester leaves the word as typed; the search still answers', async () => {
    const server = await fake((request) =>
      request.path.endsWith('/suggest')
        ? solrError(400, 'No suggester named hzd was configured')
        : selectAnswer({ docs: [WOHNGELD] }),
    );
    const results = await new SolrSource({ url: server.url }).search('wohng');
    assert.equal(selects(server)[0]!.params.get('q'), '+wohng');
    assert.equal(results.total, 1);
  });

  it('sends filters as tagged {!terms} filters and facets that leave their own filter out', async () => {
    const server = await fake(() =>
      selectAnswer({
        docs: [WOHNGELD],
        facets: {
          category: ['Soziales', 4, 'Wohnen', 2, 'Leer', 0],
          zielgruppe: ['Bürger', 3],
        },
      }),
    );
    const source = new SolrSource({ url: server.url });
    const results = await source.search('wohngeld', {
      prefix: false,
      filters: { category: ['Soziales', 'Wohnen'], levels: ['Land'], zielgruppe: ['Bürger'] },
      facets: ['category', 'zielgruppe', 'type'],
    });
    const params = selects(server)[0]!.params;
    assert.deepEqual(params.getAll('fq'), [
      "{!terms tag=f_category f=category separator='\u001f'}Soziales\u001fWohnen",
      "{!terms tag=f_levels f=levels separator='\u001f'}Land",
      "{!terms tag=f_filter_zielgruppe f=filter_zielgruppe separator='\u001f'}Bürger",
    ]);
    assert.equal(params.get('facet'), 'true');
    assert.deepEqual(params.getAll('facet.field'), [
      '{!ex=f_category key=category}category',
      '{!ex=f_filter_zielgruppe key=zielgruppe}filter_zielgruppe',
      '{!ex=f_type key=type}type',
    ]);
    assert.deepEqual(results.facets, {
      category: { Soziales: 4, Wohnen: 2 },
      zielgruppe: { Bürger: 3 },
      type: {},
    });
  });

  it('a filter with no values matches nothing, as in the static index', async () => {
    const server = await fake(() => selectAnswer({ docs: [] }));
    await new SolrSource({ url: server.url }).search('wohngeld', { filters: { category: [] } });
    assert.deepEqual(selects(server)[0]!.params.getAll('fq'), ['{!tag=f_category}-*:*']);
  });

  describe('hostile input never becomes query syntax', () => {
    const hostile = [
      '") OR *:*',
      '{!xmlparser v=\'<!DOCTYPE a SYSTEM "http://evil/">\'}',
      'title:geheim OR id:*',
      '_query_:"{!lucene}*:*" wohngeld',
      'wohngeld AND NOT miete || (a && b)',
      'wohn* geld~2 "phrase" [a TO z] ^3 \\ /regex/',
    ];
    for (const query of hostile) {
      it(JSON.stringify(query), async () => {
        const server = await fake(() => selectAnswer({ docs: [] }));
        await new SolrSource({ url: server.url }).search(query, { prefix: false });
        const q = selects(server)[0]?.params.get('q') ?? '';
        // Only required words are left: letters and digits, `+` before each, hyphens escaped.
        assert.match(q, /^(\+[\p{L}\p{M}\p{N}]+(\\-[\p{L}\p{M}\p{N}]+)*( |$))*$/u, q);
        assert.ok(!/\b(AND|OR|NOT)\b/.test(q), `no operators in ${q}`);
        assert.equal(selects(server).length <= 2, true);
      });
    }

    it('filter values are literal values, whatever they hold', async () => {
      const server = await fake(() => selectAnswer({ docs: [] }));
      await new SolrSource({ url: server.url }).search('wohngeld', {
        filters: { category: ['") OR *:*', '{!lucene}*:*', 'a\u001fb'] },
      });
      assert.deepEqual(selects(server)[0]!.params.getAll('fq'), [
        "{!terms tag=f_category f=category separator='\u001f'}\") OR *:*\u001f{!lucene}*:*\u001fab",
      ]);
    });

    it('a filter or facet name that is not a field name is refused', async () => {
      const server = await fake(() => selectAnswer({ docs: [] }));
      const source = new SolrSource({ url: server.url });
      await assert.rejects(
        source.search('wohngeld', { filters: { 'category}OR{!lucene': ['x'] } }),
        RangeError,
      );
      await assert.rejects(source.search('wohngeld', { facets: ['a b'] }), RangeError);
      assert.equal(server.requests.length, 0);
    });

    it('a very long query is cut to SOLR_MAX_QUERY_LENGTH and ten words', async () => {
      const server = await fake(() => selectAnswer({ docs: [] }));
      const long = Array.from({ length: 2000 }, (_, i) => `wort${i}`).join(' ');
      await new SolrSource({ url: server.url }).search(long, { prefix: false });
      const params = selects(server)[0]!.params;
      assert.equal(params.get('q')!.split(' ').length, 10);
      assert.ok(params.get('spellcheck.q')!.length <= SOLR_MAX_QUERY_LENGTH);
      assert.ok(params.toString().length < 4000, 'the URL stays short');
      assert.equal(SOLR_MAX_QUERY_LENGTH, 200);
    });

    it('a query cut inside an emoji keeps no half of it', () => {
      const query = `${'a'.repeat(SOLR_MAX_QUERY_LENGTH - 1)}😀 wohngeld`;
      const parsed = parseQuery(query);
      assert.equal(parsed.text.length, SOLR_MAX_QUERY_LENGTH - 1);
    });
  });

  it('sends the headers given, and never credentials in the URL', async () => {
    const server = await fake(() => selectAnswer({ docs: [] }));
    await new SolrSource({ url: server.url, headers: { 'X-Portal': 'hzd' } }).search('a b', {
      prefix: false,
    });
    assert.equal(server.requests[0]!.headers['x-portal'], 'hzd');
    assert.throws(
      () => new SolrSource({ url: 'https://admin:geheim@solr.example.de/solr/portal/' }),
      /credentials/,
    );
    assert.throws(() => new SolrSource({ url: 'ftp://solr.example.de/' }), TypeError);
    assert.throws(() => new SolrSource({ url: '' }), TypeError);
    // Parameters in the URL are dropped; the handlers are below the collection.
    const source = new SolrSource({ url: `${server.url.slice(0, -1)}?wt=xml#x` });
    assert.equal(source.url, server.url);
  });
});

describe('SolrSource: answers', () => {
  it('turns docs and highlights into hits, with ranges on the stored text', async () => {
    const server = await fake(() =>
      selectAnswer({
        numFound: 42,
        docs: [WOHNGELD],
        highlighting: {
          wohngeld: {
            title: [H('[Wohngeld] beantragen')],
            summary: ['Zuschuss zur Miete für Haushalte mit geringem Einkommen.'],
            body: [H('Den Antrag auf [Wohngeld] stellen Sie bei der [Wohngeld]behörde.')],
          },
        },
      }),
    );
    const results = await new SolrSource({ url: server.url }).search('Wohngeld', {
      prefix: false,
    });
    assert.equal(results.query, 'Wohngeld');
    assert.equal(results.total, 42);
    assert.deepEqual(results.hits, [
      {
        id: 'wohngeld',
        title: 'Wohngeld beantragen',
        url: 'https://www.example.de/wohngeld',
        summary: 'Zuschuss zur Miete für Haushalte mit geringem Einkommen.',
        score: 7.25,
        titleMatches: [[0, 8]],
        snippet: {
          text: 'Den Antrag auf Wohngeld stellen Sie bei der Wohngeldbehörde.',
          matches: [
            [15, 23],
            [44, 52],
          ],
        },
        category: 'Soziales',
        type: 'Seite',
        updated: '2026-11-28',
        levels: ['Länder', 'Kommunen'],
        partners: ['Hessen'],
        filters: { zielgruppe: ['Bürger', 'Familien'] },
      },
    ]);
    assert.equal(results.missingWords, undefined);
  });

  it('without a body match the summary is the snippet, marked where it matched', async () => {
    const server = await fake(() =>
      selectAnswer({
        docs: [WOHNGELD],
        highlighting: {
          wohngeld: {
            summary: [H('Zuschuss zur [Miete] für Haushalte mit geringem Einkommen.')],
            body: ['Ein Text ohne Treffer.'],
          },
        },
      }),
    );
    const [hit] = (await new SolrSource({ url: server.url }).search('miete')).hits;
    assert.deepEqual(hit!.snippet, { text: WOHNGELD.summary, matches: [[13, 18]] });
    assert.deepEqual(hit!.titleMatches, []);
  });

  it('copes with missing fields and leaves out documents that cannot be linked', async () => {
    const server = await fake(() =>
      selectAnswer({
        numFound: 3,
        docs: [
          { id: 'nur-url', url: '/seite' },
          { id: 'ohne-url', title: 'Ohne Adresse' },
          { url: '/ohne-id', title: 'Ohne Id' },
        ],
        // No highlighting entry at all for these documents.
      }),
    );
    const results = await new SolrSource({ url: server.url }).search('seite');
    assert.equal(results.total, 3);
    assert.deepEqual(results.hits, [
      {
        id: 'nur-url',
        title: '/seite',
        url: '/seite',
        summary: '',
        score: 0,
        titleMatches: [],
        snippet: { text: '', matches: [] },
      },
    ]);
  });

  it('hostile markup in stored fields and highlights stays plain text', async () => {
    const title = '<img src=x onerror=alert(1)> Wohngeld';
    const server = await fake(() =>
      selectAnswer({
        docs: [{ ...WOHNGELD, title }],
        highlighting: {
          wohngeld: {
            title: [H('<img src=x onerror=alert(1)> [Wohngeld]')],
            body: [H('<script>alert(1)</script> [Wohngeld] &amp; mehr')],
          },
        },
      }),
    );
    const [hit] = (await new SolrSource({ url: server.url }).search('wohngeld')).hits;
    assert.equal(hit!.title, title);
    assert.deepEqual(hit!.titleMatches, [[29, 37]]);
    assert.equal(hit!.snippet.text, '<script>alert(1)</script> Wohngeld &amp; mehr');
  });

  it('when no document holds every word, takes any word and says which each hit lacks', async () => {
    const server = await fake((request) =>
      request.params.get('mm') === '100%'
        ? selectAnswer({ docs: [] })
        : selectAnswer({
            docs: [
              { ...WOHNGELD, hzd_w0: 2.5, hzd_w1: 0 },
              { id: 'miete', url: '/miete', title: 'Miete', hzd_w0: 0, hzd_w1: 1.2 },
            ],
          }),
    );
    const results = await new SolrSource({ url: server.url }).search('Wohngeld Eigene', {
      prefix: false,
    });
    assert.equal(selects(server).length, 2);
    const relaxed = selects(server)[1]!.params;
    assert.equal(relaxed.get('q'), 'Wohngeld Eigene');
    assert.equal(relaxed.get('mm'), '1');
    assert.equal(relaxed.get('hzd.w0'), 'Wohngeld');
    assert.equal(relaxed.get('hzd.w1'), 'Eigene');
    assert.ok(relaxed.get('fl')!.includes('hzd_w1:query({!edismax v=$hzd.w1},0)'));
    assert.equal(relaxed.get('spellcheck'), 'false');
    assert.deepEqual(results.missingWords, ['Eigene']);
    assert.deepEqual(
      results.hits.map((hit) => hit.missingWords),
      [['Eigene'], ['Wohngeld']],
    );
  });

  it('nothing found but a correction known: searches the corrected words', async () => {
    const server = await fake((request) =>
      request.params.get('q') === '+wohngeld'
        ? selectAnswer({ docs: [WOHNGELD] })
        : selectAnswer({
            docs: [],
            spellcheck: { suggestions: [], collations: ['collation', 'wohngeld'] },
          }),
    );
    const source = new SolrSource({ url: server.url });
    const [results, suggestions] = await Promise.all([
      source.search('wohngelt', { prefix: false }),
      source.suggest('wohngelt '),
    ]);
    assert.deepEqual(
      selects(server).map((request) => request.params.get('q')),
      ['+wohngelt', '+wohngeld'],
    );
    assert.equal(selects(server)[1]!.params.get('spellcheck'), 'false');
    assert.deepEqual(
      results.hits.map((hit) => hit.id),
      ['wohngeld'],
    );
    assert.equal(suggestions.correction, 'wohngeld');
  });

  it('an empty query asks nothing', async () => {
    const server = await fake(() => selectAnswer({ docs: [] }));
    const results = await new SolrSource({ url: server.url }).search('  ?! ', {
      facets: ['category'],
    });
    assert.deepEqual(results, { query: '  ?! ', total: 0, hits: [], facets: { category: {} } });
    assert.equal(server.requests.length, 0);
  });
});

describe('highlights → ranges', () => {
  it('several, adjacent, at both ends', () => {
    assert.deepEqual(parseHighlight(H('[Wohn][geld] für [alle]')), {
      text: 'Wohngeld für alle',
      matches: [
        [0, 8],
        [13, 17],
      ],
    });
    assert.deepEqual(parseHighlight(H('[a] b [c]')).matches, [
      [0, 1],
      [4, 5],
    ]);
  });

  it('counts UTF-16 units, as JavaScript strings do (umlauts, emoji)', () => {
    const parsed = parseHighlight(H('😀 [Bürgerbüro] 👩‍👩‍👧 [Öffnungszeiten]'));
    assert.equal(parsed.text, '😀 Bürgerbüro 👩‍👩‍👧 Öffnungszeiten');
    for (const [start, end] of parsed.matches) {
      assert.ok(['Bürgerbüro', 'Öffnungszeiten'].includes(parsed.text.slice(start, end)));
    }
    assert.equal(parsed.matches.length, 2);
  });

  it('tolerates unbalanced and empty markers', () => {
    assert.deepEqual(parseHighlight(H('a ]b [c')), { text: 'a b c', matches: [[4, 5]] });
    assert.deepEqual(parseHighlight(H('a [] b')), { text: 'a  b', matches: [] });
  });

  it('ranges of a fragment move to where it is in the stored text, or are dropped', () => {
    const stored = 'Erster Satz. Hier steht Wohngeld. Letzter Satz.';
    assert.deepEqual(rangesIn(stored, H('Hier steht [Wohngeld].')), [[24, 32]]);
    assert.deepEqual(rangesIn(stored, H('Ein anderer [Text].')), []);
    assert.deepEqual(rangesIn(stored, undefined), []);
  });
});

describe('SolrSource: suggestions', () => {
  it('completes the last word from the suggester, one request for search and suggest', async () => {
    const server = await fake((request) =>
      request.path.endsWith('/suggest')
        ? suggestAnswer('wohng', [
            'Wohngeld beantragen',
            'Wohngeldstelle',
            'WOHNGELD',
            'Miete und Wohngeld',
          ])
        : selectAnswer({ docs: [WOHNGELD] }),
    );
    const source = new SolrSource({ url: server.url });
    const [, suggestions] = await Promise.all([
      source.search('Antrag wohng'),
      source.suggest('Antrag wohng'),
    ]);
    assert.deepEqual(suggestions, { completions: ['Antrag Wohngeld', 'Antrag Wohngeldstelle'] });
    assert.equal(suggests(server).length, 1);
    assert.equal(selects(server).length, 1, 'the correction came with the search');
    assert.deepEqual(await source.suggest('Antrag wohng', { limit: 1 }), {
      completions: ['Antrag Wohngeld'],
    });
  });

  it('"Meinten Sie …?" from the spellcheck collation (flat and extended forms)', async () => {
    const forms = [
      ['collation', 'wohngeld antrag'],
      [
        'collation',
        {
          collationQuery: 'wohngeld antrag',
          hits: 3,
          misspellingsAndCorrections: ['wohngelt', 'wohngeld'],
        },
      ],
    ];
    for (const collations of forms) {
      const server = await fake(() =>
        selectAnswer({
          docs: [],
          spellcheck: {
            suggestions: [
              'wohngelt',
              { numFound: 1, startOffset: 0, endOffset: 8, suggestion: ['wohngeld'] },
            ],
            correctlySpelled: false,
            collations,
          },
        }),
      );
      const source = new SolrSource({ url: server.url });
      // suggest() alone asks for the count and spellcheck only.
      assert.deepEqual(await source.suggest('wohngelt antrag '), {
        completions: [],
        correction: 'wohngeld antrag',
      });
      const params = selects(server)[0]!.params;
      assert.equal(params.get('rows'), '0');
      assert.equal(params.get('hl'), 'false');
      assert.equal(params.get('spellcheck.q'), 'wohngelt antrag');
      await server.close();
      solr = undefined;
    }
  });

  it('no correction when the collation is the query itself', async () => {
    const server = await fake(() =>
      selectAnswer({
        docs: [],
        spellcheck: { suggestions: [], collations: ['collation', 'Miete'] },
      }),
    );
    assert.deepEqual(await new SolrSource({ url: server.url }).suggest('miete '), {
      completions: [],
    });
  });
});

describe('SolrSource: failures', () => {
  it('no answer within the timeout: timeout', async () => {
    const server = await fake(() => ({ hang: true }));
    const error = await rejection(new SolrSource({ url: server.url, timeout: 150 }).search('x y'));
    assert.equal(error.code, 'timeout');
    assert.match(error.message, /150 ms/);
  });

  it("HTTP 500 with Solr error JSON: server, with Solr's message", async () => {
    const server = await fake(() => solrError(500, 'java.lang.OutOfMemoryError: Java heap space'));
    const error = await rejection(new SolrSource({ url: server.url }).search('geheime suche'));
    assert.equal(error.code, 'server');
    assert.equal(error.status, 500);
    assert.match(error.message, /HTTP 500.*Java heap space/);
    // The URL in the message has no query string: what the visitor typed is not logged.
    assert.ok(!error.message.includes('geheime'), error.message);
  });

  it('an HTML error page of a proxy: server, saying it is not Solr', async () => {
    const server = await fake(() => ({
      status: 502,
      text: '<html><body><h1>502 Bad Gateway</h1></body></html>',
    }));
    const error = await rejection(new SolrSource({ url: server.url }).search('a b'));
    assert.equal(error.code, 'server');
    assert.equal(error.status, 502);
    assert.match(error.message, /not with Solr's error JSON/);
  });

  it('error JSON with status 200 (a shard of a SolrCloud failed): server', async () => {
    const server = await fake(() => ({
      ...solrError(200, 'Error from server at shard2'),
      status: 200,
    }));
    const error = await rejection(new SolrSource({ url: server.url }).search('a b'));
    assert.equal(error.code, 'server');
    assert.match(error.message, /shard2/);
  });

  const malformed: [string, FakeAnswer][] = [
    ['an HTML page with status 200', { text: '<!doctype html><title>Portal</title>' }],
    [
      'cut-off JSON',
      { text: '{"responseHeader":{"status":0},"response":{"numFound":3,"docs":[{"id":' },
    ],
    ['JSON of another shape', { json: { hits: [] } }],
    ['numFound not a number', { json: { response: { numFound: '3', docs: [] } } }],
    ['docs not a list', { json: { response: { numFound: 1, docs: {} } } }],
  ];
  for (const [name, answer] of malformed) {
    it(`${name}: malformed`, async () => {
      const server = await fake(() => answer);
      const error = await rejection(new SolrSource({ url: server.url }).search('a b'));
      assert.equal(error.code, 'malformed');
    });
  }

  it('a malformed suggest answer fails suggest', async () => {
    const server = await fake((request) =>
      request.path.endsWith('/suggest') ? { json: { suggest: {} } } : selectAnswer({ docs: [] }),
    );
    const error = await rejection(new SolrSource({ url: server.url }).suggest('wohng'));
    assert.equal(error.code, 'malformed');
  });

  it('nobody listening: network', async () => {
    const server = await fake(() => selectAnswer({ docs: [] }));
    const url = server.url;
    await server.close();
    solr = undefined;
    const error = await rejection(new SolrSource({ url }).search('a b'));
    assert.equal(error.code, 'network');
  });

  it("the caller's signal aborts the request with its reason", async () => {
    const server = await fake(() => ({ hang: true }));
    const controller = new AbortController();
    const search = new SolrSource({ url: server.url }).search('a b', {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error('superseded')), 20);
    await assert.rejects(search, /superseded/);
  });
});
