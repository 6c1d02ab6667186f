/**
 * Hostile strings in content and queries: shown as text, never executed or linked.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import type { SearchHit, SearchResults, Suggestions } from '../../src/core/index.js';
import { renderSearch, settle, testIndex, type SearchHarness } from './helpers/harness.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

const IMG = '<img src=x onerror="window.__pwned = 1">';
const SCRIPT = '<script>window.__pwned = 2</script>';

/** A source whose content came from a hostile index file. */
const hostileSource = {
  dataDate: '2026-11-28',
  search(query: string): SearchResults {
    const hits: SearchHit[] = [
      {
        id: 'img',
        title: `${IMG} Wohngeld`,
        url: 'javascript:window.__pwned=3',
        summary: SCRIPT,
        score: 2,
        titleMatches: [[0, 5]],
        snippet: { text: `${SCRIPT} und ${IMG}`, matches: [[0, 8]] },
        category: IMG,
        partners: [SCRIPT],
        updated: '2026-11-28',
      },
      {
        id: 'data',
        title: 'Formular',
        url: 'data:text/html,<script>parent.__pwned=4</script>',
        summary: '',
        score: 1,
        titleMatches: [],
        snippet: { text: '', matches: [] },
      },
      {
        id: 'ok',
        title: '<b>fett</b>',
        url: '#ok',
        summary: '',
        score: 1,
        titleMatches: [[3, 7]],
        snippet: { text: '<a href="javascript:alert(1)">klick</a>', matches: [] },
      },
    ];
    return { query, total: hits.length, hits };
  },
  suggest(): Suggestions {
    return { completions: [IMG, SCRIPT], correction: IMG };
  },
};

/** Every element anywhere in the widget, crossing the cards' shadow roots. */
function allElements(root: ShadowRoot | Element): Element[] {
  const out: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    out.push(element);
    if (element.shadowRoot) out.push(...allElements(element.shadowRoot));
  }
  return out;
}

async function expectNothingExecuted(h: SearchHarness): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(window.__pwned).to.equal(undefined);
  const elements = allElements(h.root);
  expect(
    elements.filter((e) => ['img', 'script', 'b', 'iframe'].includes(e.localName)),
  ).to.deep.equal([]);
  for (const element of elements) {
    for (const attribute of element.getAttributeNames()) {
      expect(attribute.startsWith('on'), `${element.localName}[${attribute}]`).to.equal(false);
      expect(element.getAttribute(attribute)!.toLowerCase()).to.not.match(
        /^\s*(javascript|data|vbscript):/,
      );
    }
  }
}

describe('hostile strings', () => {
  afterEach(() => {
    delete window.__pwned;
  });

  it('content from the index is text: markup is shown, not parsed; unsafe URLs get no link', async () => {
    const h = await renderSearch(html`<hzd-search .index=${hostileSource}></hzd-search>`);
    await h.type('wohngeld');
    await h.press('Escape');
    expect(h.cards).to.have.length(3);
    expect(h.cardTitles[0]).to.equal(`${IMG} Wohngeld`);
    const first = h.cards[0]!.shadowRoot!;
    expect(first.querySelector('a')).to.equal(null);
    expect(first.querySelector('[part="snippet"]')!.textContent).to.equal(`${SCRIPT} und ${IMG}`);
    expect(first.querySelector('[part="meta"]')!.textContent).to.contain(IMG).and.contain(SCRIPT);
    expect(h.cards[1]!.shadowRoot!.querySelector('a')).to.equal(null);
    const ok = h.cards[2]!.shadowRoot!.querySelector('a')!;
    expect(ok.textContent).to.equal('<b>fett</b>');
    expect(ok.querySelector('mark')!.textContent).to.equal('fett');
    await expectNothingExecuted(h);
  });

  it('suggestions are text, and unsafe pages are not offered as options', async () => {
    const h = await renderSearch(html`<hzd-search .index=${hostileSource}></hzd-search>`);
    await h.type('wohngeld');
    expect(h.optionTexts).to.deep.equal([IMG, SCRIPT, '<b>fett</b>']);
    await expectNothingExecuted(h);
  });

  it('a hostile query is shown and announced as text', async () => {
    const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
    await h.fill(IMG);
    expect(h.state).to.equal('no-results');
    expect(h.count).to.equal(`Keine Ergebnisse für „${IMG}“.`);
    await waitUntil(() => h.announced.length > 0, 'announcement', { timeout: 3000 });
    expect(h.announced[0]).to.contain(IMG);
    await expectNothingExecuted(h);
  });

  it('cuts a long query between characters, never inside an emoji', async () => {
    const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
    await h.fill('😀'.repeat(60));
    await h.press('Enter');
    const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    expect(h.count).to.contain('😀');
    expect(lone.test(h.count!), 'count').to.equal(false);
    expect(h.announced).to.have.length(1);
    expect(lone.test(h.announced[0]!), 'announcement').to.equal(false);
  });

  it('a right-to-left override in the query does not reorder the sentence around it', async () => {
    const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
    await h.fill('xyz\u202eabc');
    expect(h.count).to.equal('Keine Ergebnisse für „xyzabc“.');
  });

  it('a javascript: query is only text, and links built from it stay on the site search', async () => {
    const h = await renderSearch(
      html`<hzd-search fallback-url="/suche" .index=${testIndex()}></hzd-search>`,
    );
    await h.fill('javascript:alert(1)');
    const link = h.$<HTMLAnchorElement>('section a')!;
    expect(new URL(link.href).pathname).to.equal('/suche');
    expect(new URL(link.href).searchParams.get('q')).to.equal('javascript:alert(1)');
    await expectNothingExecuted(h);
  });

  it('unsafe fallback-url and contact-url are ignored', async () => {
    const h = await renderSearch(
      html`<hzd-search
        fallback-url="javascript:window.__pwned=5"
        contact-url="javascript:window.__pwned=6"
        .index=${testIndex()}
      ></hzd-search>`,
    );
    expect(h.$('form')!.hasAttribute('action')).to.equal(false);
    await h.type('xyzzy');
    expect(h.state).to.equal('no-results');
    expect(h.root.querySelectorAll('section a')).to.have.length(0);
    await expectNothingExecuted(h);
  });

  it('a 10,000-character query neither breaks nor floods the widget', async () => {
    const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
    const long = `Wohngeld ${'<img src=x onerror=alert(1)> '.repeat(400)}`.slice(0, 10_000);
    expect(long).to.have.length(10_000);
    await h.fill(long);
    await waitUntil(() => ['results', 'no-results'].includes(h.state), 'searched');
    expect(h.input.value).to.have.length(10_000);
    expect(h.count!.length).to.be.below(150);
    expect(h.count).to.match(/…“/);
    await settle(h.el);
    await expectNothingExecuted(h);
  });
});
