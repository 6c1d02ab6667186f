/**
 * `<hzd-search solr-url>` and a SolrSource in `index`, against a stubbed fetch that answers as
 * Solr 9 does: results render as text (markup from Solr stays text), no static index is loaded,
 * and Solr's failures (HTTP 500, timeout, an answer that is not JSON) become the error state
 * with its code, the retry button and an announcement; axe passes in both states.
 */
import { expect, oneEvent, html } from '@open-wc/testing';
import { SolrSource } from '../../src/backends/solr/index.js';
import type { HzdErrorEvent } from '../../src/index.js';
import { expectNoAxeViolations } from './helpers/axe.js';
import { delayed, stubFetch, type FetchStub } from './helpers/fetch.js';
import { renderSearch } from './helpers/harness.js';

const SOLR = 'https://solr.example.de/solr/portal/';
const H = (text: string) => text.replaceAll('[', '\uE000').replaceAll(']', '\uE001');
const HOSTILE = '<img src=x onerror="window.__hzdHacked=1"> Wohngeld';

function json(body: unknown, status = 200): Promise<Response> {
  return Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    }),
  );
}

/** A Solr that knows one page about Wohngeld, with hostile markup in its title. */
function solrAnswer(url: string): Promise<Response> {
  const path = new URL(url).pathname;
  if (path.endsWith('/hzd/suggest')) {
    return json({
      responseHeader: { status: 0, QTime: 1 },
      suggest: {
        hzd: {
          wohng: { numFound: 1, suggestions: [{ term: 'Wohngeld', weight: 0, payload: '' }] },
        },
      },
    });
  }
  return json({
    responseHeader: { status: 0, QTime: 3 },
    response: {
      numFound: 1,
      start: 0,
      docs: [{ id: 'wohngeld', url: '/wohngeld', title: HOSTILE, summary: 'Zuschuss zur Miete.' }],
    },
    highlighting: {
      wohngeld: {
        title: [H('<img src=x onerror="window.__hzdHacked=1"> [Wohngeld]')],
        body: [H('<b>Den Antrag</b> auf [Wohngeld] stellen Sie bei der Stadt.')],
      },
    },
  });
}

describe('<hzd-search> with Solr', () => {
  let fetchStub: FetchStub | undefined;
  const consoleError = console.error;

  beforeEach(() => {
    console.error = () => undefined;
  });
  afterEach(() => {
    console.error = consoleError;
    fetchStub?.restore();
    fetchStub = undefined;
  });

  it('solr-url: searches Solr only, and shows its hits as text', async () => {
    fetchStub = stubFetch((url) => solrAnswer(url));
    const h = await renderSearch(html`<hzd-search solr-url=${SOLR}></hzd-search>`);
    await h.type('wohng');
    await h.waitForState('results');
    // Every request went to the collection's handlers; no static index was fetched.
    expect(fetchStub.calls.length).to.be.above(0);
    for (const call of fetchStub.calls) {
      expect(call.startsWith(`${SOLR}hzd/`), call).to.equal(true);
    }
    expect(fetchStub.calls.some((call) => call.includes('/hzd/suggest'))).to.equal(true);
    expect(h.el.loadedIndex).to.be.instanceOf(SolrSource);
    expect(h.count).to.equal('1 Ergebnis für „wohng“');
    expect(h.cardTitles).to.deep.equal([HOSTILE]);
    const card = h.cards[0]!;
    await card.updateComplete;
    const root = card.shadowRoot!;
    expect(root.querySelector('img')).to.equal(null);
    expect(root.querySelector('b')).to.equal(null);
    expect((window as { __hzdHacked?: number }).__hzdHacked).to.equal(undefined);
    expect([...root.querySelectorAll('mark')].map((mark) => mark.textContent)).to.deep.equal([
      'Wohngeld',
      'Wohngeld',
    ]);
    expect(root.querySelector('[part="snippet"]')!.textContent).to.equal(
      '<b>Den Antrag</b> auf Wohngeld stellen Sie bei der Stadt.',
    );
    expect(h.optionTexts).to.include('Wohngeld');
    await h.press('Escape');
    await expectNoAxeViolations(h.el);
  });

  it('the index property takes a SolrSource', async () => {
    fetchStub = stubFetch((url) => solrAnswer(url));
    const source = new SolrSource({ url: SOLR });
    const h = await renderSearch(html`<hzd-search .index=${source}></hzd-search>`);
    const results = await h.el.search('Wohngeld');
    expect(results!.total).to.equal(1);
    expect(h.el.loadedIndex).to.equal(source);
    expect(h.state).to.equal('results');
  });

  const failures: Array<{
    name: string;
    code: string;
    respond: (url: string, init?: RequestInit) => Promise<Response>;
    source?: () => SolrSource;
  }> = [
    {
      name: 'HTTP 500 with Solr error JSON',
      code: 'server',
      respond: () =>
        json({ responseHeader: { status: 500 }, error: { msg: 'Solr kaputt', code: 500 } }, 500),
    },
    {
      name: 'an HTML page instead of JSON',
      code: 'malformed',
      respond: () => Promise.resolve(new Response('<!doctype html><h1>Wartung</h1>')),
    },
    {
      name: 'no answer in time',
      code: 'timeout',
      respond: (_url, init) => delayed(Infinity, () => json({}), init?.signal),
      source: () => new SolrSource({ url: SOLR, timeout: 200 }),
    },
  ];

  for (const failure of failures) {
    it(`${failure.name}: the error state with "${failure.code}", and a retry that works`, async () => {
      let fail = true;
      fetchStub = stubFetch((url, init) => (fail ? failure.respond(url, init) : solrAnswer(url)));
      const h = failure.source
        ? await renderSearch(html`<hzd-search .index=${failure.source()}></hzd-search>`)
        : await renderSearch(html`<hzd-search solr-url=${SOLR}></hzd-search>`);
      const error = oneEvent(h.el, 'hzd-error') as Promise<HzdErrorEvent>;
      await h.type('wohngeld');
      const { detail } = await error;
      expect(detail.code).to.equal(failure.code);
      expect(detail.message).to.contain('Solr');
      await h.waitForState('error');
      expect(h.$('[part="error"]')!.textContent).to.contain('derzeit nicht verfügbar');
      expect(h.announced).to.include(
        'Die Suche ist derzeit nicht verfügbar. Bitte versuchen Sie es später erneut.',
      );
      await expectNoAxeViolations(h.el);
      fail = false;
      const retry = h.$<HTMLButtonElement>('[part="error"] button')!;
      expect(retry.textContent!.trim()).to.equal('Erneut versuchen');
      retry.click();
      await h.waitForState('results');
      expect(h.focused).to.equal(h.input);
      expect(h.cardTitles).to.deep.equal([HOSTILE]);
    });
  }

  it('a custom source that throws a plain error still gives search-failed', async () => {
    const source = {
      search: () => Promise.reject(new Error('boom')),
      suggest: () => ({ completions: [] }),
    };
    const h = await renderSearch(html`<hzd-search .index=${source}></hzd-search>`);
    const error = oneEvent(h.el, 'hzd-error') as Promise<HzdErrorEvent>;
    await h.type('wohn');
    expect((await error).detail.code).to.equal('search-failed');
  });

  it('a solr-url with credentials is refused as a configuration error', async () => {
    fetchStub = stubFetch(() => Promise.reject(new TypeError('nothing may be fetched')));
    const h = await renderSearch(
      html`<hzd-search solr-url="https://admin:geheim@solr.example.de/solr/portal/"></hzd-search>`,
    );
    const error = oneEvent(h.el, 'hzd-error') as Promise<HzdErrorEvent>;
    await h.type('wohngeld');
    const { detail } = await error;
    expect(detail.code).to.equal('malformed');
    expect(detail.message).to.contain('credentials');
    expect(fetchStub.calls).to.deep.equal([]);
  });
});
