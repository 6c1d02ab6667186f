/**
 * The controllers and helpers on their own, without the element: combobox keys, the race
 * guard, the shared index loader and the string tables.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SearchResults } from '../../src/core/index.js';
import { IndexLoadError } from '../../src/core/index.js';
import { ComboboxController } from '../../src/controllers/combobox-controller.js';
import {
  clearIndexCache,
  IndexSourceError,
  loadIndexFromUrl,
  toErrorDetail,
} from '../../src/controllers/index-source.js';
import {
  MAX_QUERY_CHARACTERS,
  SearchController,
  type SearchSource,
} from '../../src/controllers/search-controller.js';
import { formatDate, languageOf, resolveLanguage, resolveStrings } from '../../src/i18n/index.js';
import { delayed, stubFetch, type FetchStub } from './helpers/fetch.js';
import { indexUrl, testIndex } from './helpers/harness.js';

class FakeHost implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {}
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

const key = (name: string, init: KeyboardEventInit = {}) =>
  new KeyboardEvent('keydown', { key: name, cancelable: true, ...init });

describe('ComboboxController', () => {
  let accepted: number[];
  let cleared: number;
  let empty: boolean;
  let combobox: ComboboxController;

  beforeEach(() => {
    accepted = [];
    cleared = 0;
    empty = false;
    combobox = new ComboboxController(new FakeHost(), {
      accept: (index) => accepted.push(index),
      clear: () => cleared++,
      isEmpty: () => empty,
    });
    combobox.setOptions(3, true);
  });

  it('has no active id until an option is active, and only while open', () => {
    expect(combobox.activeId).to.equal(undefined);
    combobox.keydown(key('ArrowDown'));
    expect(combobox.activeId).to.equal('option-0');
    combobox.close();
    expect(combobox.activeId).to.equal(undefined);
  });

  it('wraps in both directions and prevents the caret from moving', () => {
    const down = key('ArrowDown');
    for (let i = 0; i < 4; i++) combobox.keydown(i === 0 ? down : key('ArrowDown'));
    expect(down.defaultPrevented).to.equal(true);
    expect(combobox.activeIndex).to.equal(0);
    combobox.keydown(key('ArrowUp'));
    expect(combobox.activeIndex).to.equal(2);
  });

  it('ignores arrows when there are no options (caret keys stay native)', () => {
    combobox.setOptions(0, true);
    const down = key('ArrowDown');
    expect(combobox.keydown(down)).to.equal(false);
    expect(down.defaultPrevented).to.equal(false);
    expect(combobox.open).to.equal(false);
  });

  it('Enter accepts only an active option; otherwise it lets the form submit', () => {
    const plain = key('Enter');
    expect(combobox.keydown(plain)).to.equal(false);
    expect(plain.defaultPrevented).to.equal(false);
    combobox.setOptions(3, true);
    combobox.keydown(key('ArrowDown'));
    combobox.keydown(key('ArrowDown'));
    const enter = key('Enter');
    expect(combobox.keydown(enter)).to.equal(true);
    expect(enter.defaultPrevented).to.equal(true);
    expect(accepted).to.deep.equal([1]);
    expect(combobox.open).to.equal(false);
  });

  it('Escape closes an open list, then clears, then leaves an empty field alone', () => {
    combobox.keydown(key('Escape'));
    expect(combobox.open).to.equal(false);
    expect(cleared).to.equal(0);
    combobox.keydown(key('Escape'));
    expect(cleared).to.equal(1);
    empty = true;
    const escape = key('Escape');
    expect(combobox.keydown(escape)).to.equal(false);
    expect(cleared).to.equal(1);
  });

  it('ignores keys while an IME composes', () => {
    const composing = key('ArrowDown', { isComposing: true });
    expect(combobox.keydown(composing)).to.equal(false);
    expect(combobox.activeIndex).to.equal(-1);
    expect(combobox.keydown(key('Enter', { keyCode: 229 } as KeyboardEventInit))).to.equal(false);
  });

  it('new options reset the active option', () => {
    combobox.keydown(key('ArrowDown'));
    combobox.setOptions(5, true);
    expect(combobox.activeIndex).to.equal(-1);
    expect(combobox.size).to.equal(5);
  });

  it('Tab is never consumed (no keyboard trap)', () => {
    combobox.keydown(key('ArrowDown'));
    const tab = key('Tab');
    expect(combobox.keydown(tab)).to.equal(false);
    expect(tab.defaultPrevented).to.equal(false);
  });
});

describe('SearchController', () => {
  const index = testIndex();

  it('hands back only the latest request; earlier answers are stale', async () => {
    const controller = new SearchController();
    const source: SearchSource = {
      search: (query, options) =>
        new Promise<SearchResults>((resolve) =>
          setTimeout(() => resolve(index.search(query, options)), query === 'wo' ? 60 : 5),
        ),
      suggest: (query) => index.suggest(query),
    };
    const request = { limit: 10, prefix: true, suggest: true };
    const first = controller.run(source, { ...request, query: 'wo' });
    const second = controller.run(source, { ...request, query: 'wohngeld' });
    const [a, b] = await Promise.all([first, second]);
    expect(a.status).to.equal('stale');
    expect(b.status).to.equal('done');
    if (b.status === 'done') expect(b.results.hits[0]!.title).to.equal('Wohngeld beantragen');
  });

  it('aborts the request in flight when a newer one starts, and on cancel()', async () => {
    const controller = new SearchController();
    const signals: (AbortSignal | undefined)[] = [];
    const suggestSignals: (AbortSignal | undefined)[] = [];
    const options: unknown[] = [];
    const source: SearchSource = {
      search: (query, given) => {
        options.push(given);
        signals.push(given?.signal);
        return new Promise<SearchResults>((resolve) =>
          setTimeout(() => resolve(index.search(query, given)), 20),
        );
      },
      suggest: (query, given) => {
        suggestSignals.push(given?.signal);
        return index.suggest(query);
      },
    };
    const request = { limit: 10, prefix: true, suggest: true };
    const first = controller.run(source, { ...request, query: 'wo' });
    const second = controller.run(source, { ...request, query: 'woh' });
    expect(signals[0]!.aborted).to.equal(true);
    expect(suggestSignals[0]!.aborted).to.equal(true);
    // The options can still be posted to a worker or sent as JSON by a custom source.
    expect(() => structuredClone(options[0])).to.not.throw();
    expect(JSON.parse(JSON.stringify(options[0]))).to.deep.equal({ limit: 10, prefix: true });
    expect(signals[1]!.aborted).to.equal(false);
    expect((await first).status).to.equal('stale');
    expect((await second).status).to.equal('done');
    const third = controller.run(source, { ...request, query: 'wohn' });
    expect(signals[1]!.aborted, 'a request that has answered is not aborted later').to.equal(false);
    controller.cancel();
    expect(signals[2]!.aborted).to.equal(true);
    expect((await third).status).to.equal('stale');
  });

  it('cancel() makes requests in flight stale', async () => {
    const controller = new SearchController();
    const pending = controller.run(index, {
      query: 'wohn',
      limit: 5,
      prefix: true,
      suggest: false,
    });
    controller.cancel();
    expect((await pending).status).to.equal('stale');
  });

  it('reports failures and malformed answers of a custom source', async () => {
    const controller = new SearchController();
    const request = { query: 'x', limit: 5, prefix: true, suggest: true };
    const throwing: SearchSource = {
      search: () => {
        throw new Error('kaputt');
      },
      suggest: () => ({ completions: [] }),
    };
    expect((await controller.run(throwing, request)).status).to.equal('failed');
    const malformed = {
      search: () => ({ nothing: true }),
      suggest: () => null,
    } as unknown as SearchSource;
    expect((await controller.run(malformed, request)).status).to.equal('failed');
  });

  it('cuts very long queries before they reach the source', async () => {
    const controller = new SearchController();
    let seen = '';
    const source: SearchSource = {
      search: (query) => {
        seen = query;
        return { query, total: 0, hits: [] };
      },
      suggest: () => ({ completions: [] }),
    };
    const outcome = await controller.run(source, {
      query: 'a'.repeat(5000),
      limit: 5,
      prefix: true,
      suggest: false,
    });
    expect(seen).to.have.length(MAX_QUERY_CHARACTERS);
    expect(outcome.status === 'done' && outcome.query.length).to.equal(5000);
  });
});

describe('loadIndexFromUrl', () => {
  let stub: FetchStub;
  afterEach(() => {
    stub?.restore();
    clearIndexCache();
  });

  it('shares one fetch per absolute URL', async () => {
    stub = stubFetch();
    const url = indexUrl();
    const [a, b] = await Promise.all([loadIndexFromUrl(url), loadIndexFromUrl(url)]);
    expect(a).to.equal(b);
    expect(stub.calls).to.have.length(1);
    await loadIndexFromUrl(url);
    expect(stub.calls).to.have.length(1);
  });

  it('passes filter values, filters and facets through the engine', async () => {
    const docs = [
      { id: 'a', title: 'Wohngeld Antrag', url: '/a', category: 'Formular', type: 'PDF' },
      { id: 'b', title: 'Wohngeld Rechner', url: '/b', category: 'Rechner' },
    ];
    const index = await loadIndexFromUrl(indexUrl(docs));
    expect(index.filterValues).to.deep.equal({
      category: [
        ['Formular', 1],
        ['Rechner', 1],
      ],
      type: [['PDF', 1]],
    });
    const results = await index.search('Wohngeld', {
      filters: { category: ['Rechner'] },
      facets: ['category'],
    });
    expect(results.hits.map((hit) => hit.id)).to.deep.equal(['b']);
    expect(results.facets).to.deep.equal({ category: { Formular: 1, Rechner: 1 } });
  });

  it('one waiter aborting does not abort the load for the others', async () => {
    const url = indexUrl();
    stub = stubFetch((requested, init, real) =>
      delayed(50, () => real(requested, init), init?.signal),
    );
    const abort = new AbortController();
    const leaving = loadIndexFromUrl(url, { signal: abort.signal });
    const staying = loadIndexFromUrl(url, { signal: new AbortController().signal });
    abort.abort(new Error('weg'));
    expect(await leaving.catch((error: Error) => error.message)).to.equal('weg');
    const index = await staying;
    expect(index.documentCount).to.be.greaterThan(0);
  });

  it('aborts the fetch when the last waiter leaves, and forgets it', async () => {
    let fetchSignal: AbortSignal | undefined;
    stub = stubFetch((_url, init) => {
      fetchSignal = init?.signal ?? undefined;
      return delayed(Infinity, () => Promise.reject(), init?.signal);
    });
    const abort = new AbortController();
    const load = loadIndexFromUrl('/slow.index', { signal: abort.signal });
    abort.abort(new Error('weg'));
    expect(await load.catch((error: Error) => error.message)).to.equal('weg');
    expect(fetchSignal!.aborted).to.equal(true);
    stub.restore();
    stub = stubFetch(() => Promise.resolve(new Response('{}')));
    await loadIndexFromUrl('/slow.index').catch(() => undefined);
    expect(stub.calls).to.have.length(1);
  });

  it('forgets failures, so a retry fetches again', async () => {
    stub = stubFetch(() => Promise.resolve(new Response('nope', { status: 503 })));
    const first = await loadIndexFromUrl('/down.index').catch((error: unknown) => error);
    expect(first).to.be.instanceOf(IndexSourceError);
    expect((first as IndexSourceError).code).to.equal('http');
    await loadIndexFromUrl('/down.index').catch(() => undefined);
    expect(stub.calls).to.have.length(2);
  });

  it('maps errors to the widget error state', () => {
    expect(toErrorDetail(new IndexSourceError('timeout', 'slow')).code).to.equal('timeout');
    expect(toErrorDetail(new IndexLoadError('corrupt', 'damaged')).code).to.equal('corrupt');
    const other = toErrorDetail(new Error('boom'));
    expect(other.code).to.equal('search-failed');
    expect(other.message).to.contain('boom');
  });
});

describe('i18n', () => {
  it('German plurals and number formatting', () => {
    const de = resolveStrings('de');
    expect(de.resultCount(0, 'x')).to.equal('0 Ergebnisse für „x“');
    expect(de.resultCount(1, 'Wohngeld')).to.equal('1 Ergebnis für „Wohngeld“');
    expect(de.resultCount(2, 'Wohngeld')).to.equal('2 Ergebnisse für „Wohngeld“');
    expect(de.resultCount(1000, 'Wohngeld')).to.equal('1.000 Ergebnisse für „Wohngeld“');
    expect(de.moreLoaded(1)).to.equal('1 weiteres Ergebnis geladen.');
    expect(de.tooShort(1)).to.equal('Bitte geben Sie mindestens 1 Zeichen ein.');
  });

  it('English plurals and number formatting', () => {
    const en = resolveStrings('en');
    expect(en.resultCount(1, 'housing')).to.equal('1 result for “housing”');
    expect(en.resultCount(1000, 'housing')).to.equal('1,000 results for “housing”');
  });

  it('shortens long queries in messages', () => {
    const text = resolveStrings('de').noResults('x'.repeat(300));
    expect(text.length).to.be.below(110);
    expect(text).to.contain('…“');
  });

  it('resolves languages: English only for en-*, German otherwise', () => {
    expect(resolveLanguage('en-GB')).to.equal('en');
    expect(resolveLanguage('EN')).to.equal('en');
    expect(resolveLanguage('fr')).to.equal('de');
    expect(resolveLanguage(null)).to.equal('de');
  });

  it('finds the closest lang across shadow roots', async () => {
    const outer = await fixture(html`<div lang="en"><span></span></div>`);
    const host = outer.querySelector('span')!;
    const inner = document.createElement('b');
    host.attachShadow({ mode: 'open' }).append(inner);
    expect(languageOf(inner)).to.equal('en');
  });

  it('formats dates without time-zone shifts and rejects malformed ones', () => {
    expect(formatDate('de', '2026-11-28', 'long')).to.equal('28. November 2026');
    expect(formatDate('de', '2026-01-01', 'medium')).to.equal('01.01.2026');
    expect(formatDate('en', '2026-11-28', 'long')).to.equal('November 28, 2026');
    expect(formatDate('de', '28.11.2026', 'long')).to.equal(undefined);
    expect(formatDate('de', undefined, 'long')).to.equal(undefined);
  });

  it('falls back to the default when an overriding function throws or returns no text', () => {
    const strings = resolveStrings('de', {
      resultCount: () => {
        throw new Error('host bug');
      },
      noResults: (() => 42) as unknown as (query: string) => string,
      tooShort: (n) => `Mindestens ${n}`,
    });
    expect(strings.resultCount(2, 'a')).to.equal('2 Ergebnisse für „a“');
    expect(strings.noResults('a')).to.equal('Keine Ergebnisse für „a“.');
    expect(strings.tooShort(3)).to.equal('Mindestens 3');
  });

  it('ignores overrides of the wrong type', () => {
    const strings = resolveStrings('de', {
      submit: 'Los',
      resultCount: 'kaputt' as unknown as () => string,
    });
    expect(strings.submit).to.equal('Los');
    expect(strings.resultCount(2, 'a')).to.equal('2 Ergebnisse für „a“');
  });
});
