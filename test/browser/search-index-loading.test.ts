/**
 * Loading the index: lazily from `index-src`, shared per URL between instances, the bundled
 * default, and every failure (404, cut-off or non-JSON files, wrong format version, network,
 * slow network) as a rendered, announced error state with `hzd-error`.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { clearIndexCache, type HzdErrorEvent, type HzdSearch } from '../../src/index.js';
import { defaultIndexUrl } from '../../src/backends/static/locations.js';
import { delayed, stubFetch, type FetchStub } from './helpers/fetch.js';
import {
  indexUrl,
  renderSearch,
  serializedIndex,
  settle,
  testIndex,
  SearchHarness,
} from './helpers/harness.js';

const FIXTURES = '/test/browser/fixtures';

describe('index loading', () => {
  let fetchStub: FetchStub | undefined;

  afterEach(() => {
    fetchStub?.restore();
    fetchStub = undefined;
    clearIndexCache();
  });

  it('fetches index-src lazily: nothing before the first focus, once after', async () => {
    fetchStub = stubFetch();
    const url = indexUrl();
    const h = await renderSearch(html`<hzd-search index-src=${url}></hzd-search>`);
    await settle(h.el);
    expect(fetchStub.calls).to.deep.equal([]);
    expect(h.state).to.equal('idle');
    expect(h.$('[part="data-date"]')).to.equal(null);
    expect(h.el.loadedIndex).to.equal(undefined);

    h.el.focus();
    await waitUntil(() => h.$('[part="data-date"]'), 'index loaded');
    expect(fetchStub.calls).to.deep.equal([url]);
    expect(h.el.loadedIndex?.documentCount).to.be.above(0);
    expect(h.$('[part="data-date"]')!.textContent!.trim()).to.equal(
      'Datenstand: 28. November 2026',
    );
    h.input.blur();
    h.el.focus();
    await settle(h.el);
    expect(fetchStub.calls).to.have.length(1);
  });

  it('shows the loading state meanwhile and then results for the text typed during the load', async () => {
    const url = indexUrl();
    fetchStub = stubFetch((requested, init, real) =>
      delayed(400, () => real(requested, init), init?.signal),
    );
    const h = await renderSearch(html`<hzd-search index-src=${url}></hzd-search>`);
    await h.type('wohn');
    expect(h.state).to.equal('loading');
    expect(h.$('[part="status"]')!.textContent!.trim()).to.equal('Die Suche wird geladen …');
    await h.waitForState('results');
    expect(h.count).to.equal('3 Ergebnisse für „wohn“');
    expect(h.expanded).to.equal(true);
  });

  it('search() waits for the index and answers', async () => {
    const h = await renderSearch(html`<hzd-search index-src=${indexUrl()}></hzd-search>`);
    const results = await h.el.search('Elterngeld');
    expect(results!.hits.map((hit) => hit.title)).to.deep.equal(['Elterngeld']);
  });

  describe('failures become the error state', () => {
    const cases: Array<{
      name: string;
      code: string;
      src: () => string;
      fetch?: () => FetchStub;
      timeout?: number;
    }> = [
      {
        name: 'index file missing (404)',
        code: 'not-found',
        src: () => `${FIXTURES}/missing.json`,
      },
      {
        name: 'cut-off download (corrupt JSON)',
        code: 'not-json',
        src: () => {
          const json = JSON.stringify(serializedIndex());
          return URL.createObjectURL(new Blob([json.slice(0, json.length / 2)]));
        },
      },
      {
        name: 'HTML page instead of the index',
        code: 'not-json',
        src: () => `${FIXTURES}/html-page.html`,
      },
      {
        name: 'wrong format version',
        code: 'unsupported-format-version',
        src: () => `${FIXTURES}/wrong-version.index`,
      },
      { name: 'not an index', code: 'not-an-index', src: () => `${FIXTURES}/not-an-index.index` },
      {
        name: 'network failure',
        code: 'network',
        src: () => '/index.json',
        fetch: () => stubFetch(() => Promise.reject(new TypeError('Failed to fetch'))),
      },
      {
        name: 'server error (500)',
        code: 'http',
        src: () => '/index.json',
        fetch: () => stubFetch(() => Promise.resolve(new Response('Fehler', { status: 500 }))),
      },
      {
        name: 'slow network (timeout)',
        code: 'timeout',
        src: () => '/index.json',
        fetch: () =>
          stubFetch((_url, init) => delayed(Infinity, () => Promise.reject(), init?.signal)),
        timeout: 300,
      },
    ];

    for (const testCase of cases) {
      it(`${testCase.name}: ${testCase.code}`, async () => {
        fetchStub = testCase.fetch?.();
        const h = await renderSearch(
          html`<hzd-search
            index-src=${testCase.src()}
            index-timeout=${testCase.timeout ?? 15000}
          ></hzd-search>`,
        );
        const error = oneEvent(h.el, 'hzd-error') as Promise<HzdErrorEvent>;
        const logged: string[] = [];
        const consoleError = console.error;
        console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
        let detail: HzdErrorEvent['detail'];
        try {
          h.el.focus();
          ({ detail } = await error);
        } finally {
          console.error = consoleError;
        }
        expect(detail.code).to.equal(testCase.code);
        expect(detail.message).to.be.a('string').and.have.length.above(0);
        // The cause, for the webmaster, is in the console.
        expect(logged).to.deep.equal([`<hzd-search>: ${detail.message}`]);
        await h.el.updateComplete;
        expect(h.state).to.equal('error');
        const box = h.$('[part="error"]')!;
        expect(box.checkVisibility()).to.equal(true);
        expect(box.textContent).to.contain(
          'Die Suche ist derzeit nicht verfügbar. Bitte versuchen Sie es später erneut.',
        );
        expect(h.announced).to.deep.equal([
          'Die Suche ist derzeit nicht verfügbar. Bitte versuchen Sie es später erneut.',
        ]);
        expect(h.regions[2]! + h.regions[3]!, 'assertive').to.not.equal('');
        // The input stays usable; typing keeps the error (and throws nothing).
        await h.type('wohn');
        expect(h.state).to.equal('error');
      });
    }
  });

  it('"Erneut versuchen" loads again and continues with the typed text', async () => {
    let fail = true;
    const url = indexUrl();
    fetchStub = stubFetch((requested, init, real) =>
      fail ? Promise.reject(new TypeError('offline')) : real(requested, init),
    );
    const h = await renderSearch(html`<hzd-search index-src=${url}></hzd-search>`);
    await h.type('wohn');
    await h.waitForState('error');
    fail = false;
    const retry = h.$<HTMLButtonElement>('[part="error"] button')!;
    expect(retry.textContent!.trim()).to.equal('Erneut versuchen');
    retry.focus();
    retry.click();
    await h.waitForState('results');
    expect(h.focused).to.equal(h.input);
    expect(fetchStub.calls).to.have.length(2);
  });

  it('in the error state, a submit goes natively to fallback-url (the server search)', async () => {
    const h = await renderSearch(
      html`<hzd-search index-src="${FIXTURES}/missing.json" fallback-url="/suche"></hzd-search>`,
    );
    await h.type('wohngeld');
    await h.waitForState('error');
    const form = h.$<HTMLFormElement>('form')!;
    expect(new URL(form.action).pathname).to.equal('/suche');
    expect(await h.submitPrevented()).to.equal(false);
    const link = h.$<HTMLAnchorElement>('[part="error"] a')!;
    expect(link.textContent!.trim()).to.equal('Auf der gesamten Website suchen');
    expect(new URL(link.href).searchParams.get('q')).to.equal('wohngeld');
  });

  it('in the error state without fallback-url, a submit stays on the page', async () => {
    const h = await renderSearch(
      html`<hzd-search index-src="${FIXTURES}/missing.json"></hzd-search>`,
    );
    await h.type('wohngeld');
    await h.waitForState('error');
    expect(await h.submitPrevented()).to.equal(true);
    expect(h.$('[part="error"] a')).to.equal(null);
  });

  it('two instances with the same index-src share one fetch and work independently', async () => {
    fetchStub = stubFetch();
    const url = indexUrl();
    const wrapper = await fixture(
      html`<div>
        <hzd-search id="one" index-src=${url}></hzd-search>
        <hzd-search id="two" index-src=${url} lang="en"></hzd-search>
      </div>`,
    );
    const [one, two] = [...wrapper.querySelectorAll('hzd-search')].map(
      (el) => new SearchHarness(el),
    ) as [SearchHarness, SearchHarness];
    await one.type('wohn');
    await one.waitForState('results');
    await two.type('reisepass');
    await two.waitForState('results');
    expect(fetchStub.calls).to.deep.equal([url]);
    // One loaded index, exposed on both elements.
    expect(one.el.loadedIndex).to.not.equal(undefined);
    expect(one.el.loadedIndex).to.equal(two.el.loadedIndex);
    expect(one.el.loadedIndex?.dataDate).to.equal('2026-11-28');
    expect(one.count).to.equal('3 Ergebnisse für „wohn“');
    expect(two.count).to.equal('1 result for “reisepass”');
    expect(one.input.value).to.equal('wohn');
    expect(one.expanded, 'the first popup closed when focus left').to.equal(false);
    await one.press('Escape');
    expect(two.input.value).to.equal('reisepass');
    expect(two.state).to.equal('results');
  });

  it('instances with different index-src load their own index', async () => {
    fetchStub = stubFetch();
    const wrapper = await fixture(
      html`<div>
        <hzd-search index-src=${indexUrl()}></hzd-search>
        <hzd-search index-src="${FIXTURES}/missing.json"></hzd-search>
      </div>`,
    );
    const [one, two] = [...wrapper.querySelectorAll('hzd-search')].map(
      (el) => new SearchHarness(el),
    ) as [SearchHarness, SearchHarness];
    await one.type('wohn');
    await two.type('wohn');
    await one.waitForState('results');
    await two.waitForState('error');
    expect(fetchStub.calls).to.have.length(2);
    expect(one.state).to.equal('results');
  });

  it('setting .index skips fetching', async () => {
    fetchStub = stubFetch();
    const h = await renderSearch(
      html`<hzd-search index-src="/never-fetched.json" .index=${testIndex()}></hzd-search>`,
    );
    await h.type('wohn');
    expect(h.state).to.equal('results');
    expect(fetchStub.calls).to.deep.equal([]);
  });

  it('a new index-src replaces the loaded index', async () => {
    const h = await renderSearch(html`<hzd-search index-src=${indexUrl()}></hzd-search>`);
    await h.type('wohn');
    await h.waitForState('results');
    h.el.indexSrc = `${FIXTURES}/missing.json`;
    await h.waitForState('error');
    expect(h.$('[part="data-date"]')).to.equal(null);
  });

  it('uses the bundled index without index and index-src: a file of its own, fetched on first focus', async () => {
    fetchStub = stubFetch();
    const el = await fixture<HzdSearch>(html`<hzd-search></hzd-search>`);
    const h = new SearchHarness(el);
    await settle(el);
    expect(h.$('[part="data-date"]')).to.equal(null);
    expect(fetchStub.calls, 'nothing before the first focus').to.deep.equal([]);
    await h.type('EPK');
    await h.waitForState('results');
    expect(h.cardTitles[0]).to.equal('Elektronische Präsenzkontrolle (EPK)');
    expect(h.$('[part="data-date"]')!.textContent).to.match(/^Datenstand: \d{1,2}\. \S+ \d{4}$/);
    expect(fetchStub.calls).to.deep.equal([defaultIndexUrl()]);
  });

  it('searches asynchronous sources (a future worker) through the same seam', async () => {
    const index = testIndex();
    const source = {
      dataDate: index.dataDate,
      search: async (query: string, options?: { limit?: number }) => index.search(query, options),
      suggest: async (query: string) => index.suggest(query),
    };
    const h = await renderSearch(html`<hzd-search .index=${source}></hzd-search>`);
    await h.type('wohn');
    await h.waitForState('results');
    expect(h.cardTitles).to.have.length(3);
    expect(h.optionTexts).to.include('Wohngeld');
  });

  describe('loading while the visitor types', () => {
    it('announces loading once, never a length hint for long enough text, then the results', async () => {
      const url = indexUrl();
      fetchStub = stubFetch((requested, init, real) =>
        delayed(1800, () => real(requested, init), init?.signal),
      );
      const h = await renderSearch(html`<hzd-search index-src=${url}></hzd-search>`);
      const written = h.recordAnnouncements();
      await h.typeSlowly('wohngeld', 150);
      await h.waitForState('results', 5000);
      await waitUntil(() => written.length > 1, 'results announced', { timeout: 3000 });
      expect(written[0]).to.equal('Die Suche wird geladen …');
      expect(written.slice(1)).to.have.length(1);
      expect(written[1]).to.match(/^1 Ergebnis für „wohngeld“/);
      expect(written.join(' ')).to.not.contain('mindestens');
    });

    it('moving the element during the load continues it', async () => {
      const url = indexUrl();
      // Long enough that typing four letters ends before it, also on a loaded machine.
      fetchStub = stubFetch((requested, init, real) =>
        delayed(1500, () => real(requested, init), init?.signal),
      );
      const h = await renderSearch(html`<hzd-search index-src=${url}></hzd-search>`);
      await h.type('wohn');
      expect(h.state).to.equal('loading');
      const other = document.createElement('div');
      document.body.append(other);
      try {
        other.append(h.el);
        await h.waitForState('results');
        expect(h.count).to.equal('3 Ergebnisse für „wohn“');
        expect(fetchStub.calls).to.have.length(1);
      } finally {
        other.remove();
      }
    });

    it('removing and re-adding the element during the load restarts it', async () => {
      const url = indexUrl();
      fetchStub = stubFetch((requested, init, real) =>
        delayed(1500, () => real(requested, init), init?.signal),
      );
      const h = await renderSearch(html`<hzd-search index-src=${url}></hzd-search>`);
      await h.type('wohn');
      expect(h.state).to.equal('loading');
      const parent = h.el.parentElement!;
      h.el.remove();
      await new Promise((resolve) => setTimeout(resolve, 50));
      parent.append(h.el);
      await h.waitForState('results');
      expect(h.count).to.equal('3 Ergebnisse für „wohn“');
      expect(h.$('[part="status"]')).to.equal(null);
    });
  });
});
