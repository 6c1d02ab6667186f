/**
 * axe-core in every state of `<hzd-search>` (WCAG 2.0–2.2 A/AA, EN 301 549, target-size on), ID
 * references inside the shadow roots, and the visual requirements axe does not check: focus ring,
 * forced colours, reduced motion, reflow at 320 px and target sizes.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { SearchDocument } from '../../src/core/index.js';
import { clearIndexCache } from '../../src/index.js';
import { expectNoAxeViolations, type AxeCheckOptions } from './helpers/axe.js';
import { DOCS } from './helpers/docs.js';
import { delayed, stubFetch, type FetchStub } from './helpers/fetch.js';
import { brokenIdReferences, duplicateIds } from './helpers/idrefs.js';
import { renderSearch, SearchHarness, testIndex } from './helpers/harness.js';

/** axe, IDREF integrity and unique IDs, for one state. */
async function expectAccessible(h: SearchHarness, options?: AxeCheckOptions): Promise<void> {
  expect(brokenIdReferences(h.root), 'broken ID references').to.deep.equal([]);
  expect(duplicateIds(h.root), 'duplicate IDs').to.deep.equal([]);
  await expectNoAxeViolations(h.el, options);
}

/** WCAG relative luminance and contrast of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = color
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map(Number) as [number, number, number];
    const channel = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(bl);
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The colour behind `element`: the first opaque background of it or an ancestor (across shadow roots). */
function backgroundBehind(element: Element): string {
  for (let node: Element | null = element; node;) {
    const color = getComputedStyle(node).backgroundColor;
    if (!/rgba\(.*, 0\)$/.test(color) && color !== 'transparent') return color;
    const root = node.getRootNode();
    node = node.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
  }
  // Nothing opaque up to the page: the page's canvas (white, or the system's in forced colours).
  const probe = document.createElement('div');
  probe.style.backgroundColor = 'Canvas';
  document.body.append(probe);
  const canvas = getComputedStyle(probe).backgroundColor;
  probe.remove();
  return canvas;
}

/** Visible elements with text of their own whose contrast is below `minimum`. */
function lowContrastTexts(root: ShadowRoot, minimum: number): string[] {
  const problems: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    const ownText = [...element.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent)
      .join('')
      .trim();
    if (!ownText || !element.checkVisibility() || element.closest('.visually-hidden')) continue;
    const ratio = contrast(getComputedStyle(element).color, backgroundBehind(element));
    if (ratio < minimum)
      problems.push(`${element.localName}.${element.className} "${ownText}": ${ratio.toFixed(2)}`);
  }
  return problems;
}

const LONG_WORD_DOCS: SearchDocument[] = [
  ...DOCS,
  {
    id: 'kfz-vorschrift',
    title: 'Kraftfahrzeugzulassungsstellenverwaltungsvorschriftenänderungsverordnung',
    url: '#vorschrift',
    summary:
      'Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung und weitere Regeln.',
    category: 'Verkehr',
  },
];

describe('accessibility of every state', () => {
  let fetchStub: FetchStub | undefined;
  afterEach(() => {
    fetchStub?.restore();
    fetchStub = undefined;
    clearIndexCache();
  });

  it('idle', async () => {
    const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
    expect(h.state).to.equal('idle');
    await expectAccessible(h);
  });

  it('idle with "Häufig gesucht" topics', async () => {
    const h = await renderSearch(
      html`<hzd-search
        topics="Wohngeld, Personalausweis, Reisepass"
        .index=${testIndex()}
      ></hzd-search>`,
    );
    expect(h.$('[part="topics"]')).to.be.instanceOf(Element);
    await expectAccessible(h);
  });

  it('typing (text too short)', async () => {
    const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
    await h.type('w');
    expect(h.state).to.equal('typing');
    await expectAccessible(h);
  });

  it('suggestions open with an active option', async () => {
    const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
    await h.type('wohn');
    await h.press('ArrowDown');
    expect(h.expanded).to.equal(true);
    expect(h.activeOption).to.be.instanceOf(Element);
    // The popup overlaps the results, so axe cannot decide their contrast in this state.
    await expectAccessible(h, { strictContrast: false });
  });

  it('results', async () => {
    const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
    await h.type('wohn');
    await h.press('Escape');
    expect(h.state).to.equal('results');
    await expectAccessible(h);
  });

  it('results with "Weitere Ergebnisse"', async () => {
    const h = await renderSearch(html`<hzd-search limit="1" .index=${testIndex()}></hzd-search>`);
    await h.type('beantragen');
    await h.press('Enter');
    expect(h.$('[part="more"]')).to.be.instanceOf(Element);
    await expectAccessible(h);
  });

  it('no results, with "Meinten Sie", ways out and topics', async () => {
    const h = await renderSearch(
      html`<hzd-search
        fallback-url="/suche"
        contact-url="/kontakt"
        topics="Wohngeld, Reisepass"
        .index=${testIndex()}
      ></hzd-search>`,
    );
    await h.type('wohnegld');
    expect(h.state).to.equal('no-results');
    expect(h.$('[part="correction"]')).to.be.instanceOf(Element);
    await expectAccessible(h);
  });

  it('loading', async () => {
    fetchStub = stubFetch((_url, init) => delayed(Infinity, () => Promise.reject(), init?.signal));
    const h = await renderSearch(html`<hzd-search index-src="/slow.index"></hzd-search>`);
    h.el.focus();
    await h.waitForState('loading');
    await expectAccessible(h);
  });

  it('error', async () => {
    const h = await renderSearch(
      html`<hzd-search
        index-src="/test/browser/fixtures/missing.json"
        fallback-url="/suche"
      ></hzd-search>`,
    );
    await h.type('wohn');
    await h.waitForState('error');
    await expectAccessible(h);
  });

  it('results in the dark theme', async () => {
    const h = await renderSearch(
      html`<hzd-search theme="dark" .index=${testIndex()}></hzd-search>`,
    );
    await h.type('wohn');
    await h.press('Escape');
    await expectAccessible(h);
  });

  it('results in English', async () => {
    const h = await renderSearch(html`<hzd-search lang="en" .index=${testIndex()}></hzd-search>`);
    await h.type('wohnegld');
    await expectAccessible(h);
  });

  it('results with theme="auto" under a dark system preference', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const h = await renderSearch(
        html`<hzd-search theme="auto" .index=${testIndex()}></hzd-search>`,
      );
      await h.type('wohn');
      await h.press('Escape');
      expect(getComputedStyle(h.el).backgroundColor).to.equal('rgb(22, 27, 34)');
      await expectAccessible(h);
      // Without opting in, a dark system preference changes nothing.
      const light = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
      expect(getComputedStyle(light.el).backgroundColor).to.equal('rgb(255, 255, 255)');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('the axe helper itself catches problems (so a pass means something)', async () => {
    const bad = await fixture(
      html`<div>
        <button style="width:12px;height:12px;padding:0;border:0"></button>
        <input type="text" />
      </div>`,
    );
    let message = '';
    try {
      await expectNoAxeViolations(bad);
    } catch (error) {
      message = String(error);
    }
    expect(message).to.contain('button-name').and.contain('target-size').and.contain('label');
  });
});

describe('visual accessibility', () => {
  afterEach(async () => {
    await emulateMedia({ forcedColors: 'none', reducedMotion: 'no-preference' });
    await setViewport({ width: 800, height: 600 });
  });

  it('focus ring: at least 2 px with 3:1 contrast, on every focusable control', async () => {
    for (const theme of ['light', 'dark']) {
      const h = await renderSearch(
        html`<hzd-search theme=${theme} .index=${testIndex()}></hzd-search>`,
      );
      await h.type('wohn');
      await h.press('Escape');
      const background = getComputedStyle(h.el).backgroundColor;
      // Text fields always match :focus-visible; the buttons are reached with Tab.
      h.input.focus();
      for (const part of ['input', 'clear', 'submit']) {
        if (part !== 'input') await sendKeys({ press: 'Tab' });
        const focused = h.focused as HTMLElement;
        expect(focused.getAttribute('part'), `${theme}: ${part}`).to.equal(part);
        expect(focused.matches(':focus-visible')).to.equal(true);
        const style = getComputedStyle(focused);
        expect(style.outlineStyle).to.equal('solid');
        expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
        expect(contrast(style.outlineColor, background), `${theme} ${part}`).to.be.at.least(3);
      }
    }
  });

  it('focus ring on a result card surrounds the card', async () => {
    const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
    await h.type('wohn');
    await h.press('Escape');
    h.$('[part="submit"]')!.focus();
    await sendKeys({ press: 'Tab' });
    const link = h.cards[0]!.shadowRoot!.activeElement!;
    expect(link.localName).to.equal('a');
    const ring = getComputedStyle(link, '::after');
    expect(ring.outlineStyle).to.equal('solid');
    expect(parseFloat(ring.outlineWidth)).to.be.at.least(2);
    expect(contrast(ring.outlineColor, 'rgb(255, 255, 255)')).to.be.at.least(3);
  });

  it('forced colours: the focus outline stays, the active option uses SelectedItem', async () => {
    await emulateMedia({ forcedColors: 'active' });
    const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
    await h.type('wohn');
    await h.press('ArrowDown');
    await Promise.all(h.activeOption!.getAnimations().map((animation) => animation.finished));
    const input = getComputedStyle(h.input);
    expect(input.outlineStyle).to.not.equal('none');
    expect(parseFloat(input.outlineWidth)).to.be.at.least(2);
    const probe = document.createElement('div');
    probe.style.backgroundColor = 'SelectedItem';
    document.body.append(probe);
    const selectedItem = getComputedStyle(probe).backgroundColor;
    probe.remove();
    expect(getComputedStyle(h.activeOption!).backgroundColor).to.equal(selectedItem);
    expect(getComputedStyle(h.activeOption!).borderTopStyle).to.equal('solid');
  });

  it('forced colours, light and dark: every text, the "Seite" badge included, at 4.5:1', async () => {
    await emulateMedia({ forcedColors: 'active' });
    for (const theme of ['light', 'dark']) {
      const h = await renderSearch(
        html`<hzd-search theme=${theme} .index=${testIndex()}></hzd-search>`,
      );
      await h.type('wohngeld');
      // The last option is a page suggestion, with its badge.
      await h.press('ArrowUp');
      const active = h.activeOption!;
      expect(active.querySelector('.kind'), 'a page suggestion').to.be.instanceOf(Element);
      await Promise.all(active.getAnimations().map((animation) => animation.finished));
      const problems = lowContrastTexts(h.root, 4.5);
      expect(problems, theme).to.deep.equal([]);
    }
  });

  it('reduced motion: no transitions', async () => {
    const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
    await h.type('wohn');
    expect(getComputedStyle(h.options[0]!).transitionDuration).to.not.equal('0s');
    await emulateMedia({ reducedMotion: 'reduce' });
    for (const element of [h.options[0]!, h.$('[part="submit"]')!]) {
      expect(getComputedStyle(element).transitionDuration).to.equal('0s');
    }
    expect(h.listbox.getAnimations({ subtree: true })).to.have.length(0);
  });

  it('reflows at 320 px: no horizontal scrolling, long German compounds wrap', async () => {
    await setViewport({ width: 320, height: 640 });
    const h = await renderSearch(
      html`<hzd-search .index=${testIndex(LONG_WORD_DOCS)}></hzd-search>`,
    );
    await h.type('Kraftfahrzeugzulassungsstellenverwaltungsvorschriftenänderungsverordnung');
    expect(h.state).to.equal('results');
    expect(h.expanded).to.equal(true);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    expect(h.el.scrollWidth).to.be.at.most(h.el.clientWidth);
    const within = (element: Element) => {
      const rect = element.getBoundingClientRect();
      return rect.left >= 0 && rect.right <= 320;
    };
    expect(within(h.listbox), 'listbox').to.equal(true);
    expect(within(h.$('[part="submit"]')!), 'submit').to.equal(true);
    for (const card of h.cards) {
      expect(within(card), 'card').to.equal(true);
      const article = card.shadowRoot!.querySelector('article')!;
      expect(article.scrollWidth).to.be.at.most(article.clientWidth);
    }
  });

  it('pointer targets: input and buttons ≥ 44 px, options ≥ 44 px high, cards ≥ 24 px', async () => {
    const h = await renderSearch(
      html`<hzd-search topics="Wohngeld" .index=${testIndex()}></hzd-search>`,
    );
    const topic = h.$('[part="topic"]')!.getBoundingClientRect();
    expect(topic.height).to.be.at.least(44);
    await h.type('wohn');
    const size = (selector: string) => h.$(selector)!.getBoundingClientRect();
    expect(size('[part="input"]').height).to.be.at.least(44);
    for (const part of ['clear', 'submit']) {
      expect(size(`[part="${part}"]`).height, part).to.be.at.least(44);
      expect(size(`[part="${part}"]`).width, part).to.be.at.least(44);
    }
    for (const option of h.options)
      expect(option.getBoundingClientRect().height).to.be.at.least(44);
    const link = h.cards[0]!.shadowRoot!.querySelector('a')!;
    const area = getComputedStyle(link, '::after');
    expect(area.position).to.equal('absolute');
    expect(h.cards[0]!.getBoundingClientRect().height).to.be.at.least(44);
  });

  it('the stretched link makes the whole card one target', async () => {
    const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
    await h.type('wohngeld');
    await h.press('Escape');
    const card = h.cards[0]!;
    const rect = card.getBoundingClientRect();
    // A point in the card's lower right corner, well away from the title text.
    const hit = card.shadowRoot!.elementFromPoint(rect.right - 6, rect.bottom - 6);
    expect(hit!.localName).to.equal('a');
    expect(card.shadowRoot!.querySelectorAll('a, button, [tabindex]')).to.have.length(1);
  });
});

/** The language an element is read in: its own `lang` or the closest ancestor's, across shadow roots. */
function effectiveLang(element: Element): string | undefined {
  for (let node: Element | null = element; node;) {
    const tagged = node.closest('[lang]');
    if (tagged) return tagged.getAttribute('lang') ?? undefined;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return undefined;
}

describe('the page around the widget', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('language of parts: German index text inside an English widget is marked German', async () => {
    const docs: SearchDocument[] = [
      ...DOCS,
      { id: 'fr', title: 'Wohngeld en français', url: '#fr', body: 'Aide au logement', lang: 'fr' },
    ];
    const page = await fixture(
      html`<div lang="en">
        <hzd-search .index=${testIndex(docs)}></hzd-search>
      </div>`,
    );
    const el = page.querySelector('hzd-search')!;
    await el.updateComplete;
    const h = new SearchHarness(el);
    await h.type('wohngeld');
    expect(effectiveLang(h.$('label')!), 'UI label').to.equal('en');
    expect(effectiveLang(h.$('[part="count"]')!), 'UI count').to.equal('en');
    const [completion] = h.options.filter((option) => !option.querySelector('.kind'));
    expect(effectiveLang(completion!.firstElementChild!), 'completion').to.equal('de');
    const pages = h.options.filter((option) => option.querySelector('.kind'));
    const pageLangs = pages.map((option) => effectiveLang(option.firstElementChild!));
    expect(pageLangs).to.include('de').and.include('fr');
    for (const option of pages)
      expect(effectiveLang(option.querySelector('.kind')!)).to.equal('en');
    const cards = h.cards.map((card) => card.shadowRoot!);
    const german = cards.find((root) =>
      root.querySelector('a')!.textContent!.includes('beantragen'),
    )!;
    expect(effectiveLang(german.querySelector('a')!), 'title').to.equal('de');
    expect(effectiveLang(german.querySelector('[part="snippet"]')!), 'snippet').to.equal('de');
    expect(effectiveLang(german.querySelector('dt')!), 'metadata label').to.equal('en');
    expect(effectiveLang(german.querySelector('dd')!), 'metadata value').to.equal('de');
    const french = cards.find((root) =>
      root.querySelector('a')!.textContent!.includes('français'),
    )!;
    expect(effectiveLang(french.querySelector('a')!)).to.equal('fr');
    await h.fill('wohnegld');
    await h.press('Enter');
    const correction = h.$('[part="correction"] button')!;
    expect(effectiveLang(correction), 'correction').to.equal('de');
  });

  it("resets the page's inherited text styles and keeps German left-to-right on an RTL page", async () => {
    const page = await fixture(
      html`<div
        dir="rtl"
        style="text-align: center; letter-spacing: 6px; word-spacing: 12px; text-transform: uppercase; font-style: italic"
      >
        <hzd-search .index=${testIndex()}></hzd-search>
      </div>`,
    );
    const el = page.querySelector('hzd-search')!;
    await el.updateComplete;
    const label = el.shadowRoot!.querySelector('label')!;
    const style = getComputedStyle(label);
    expect(style.direction).to.equal('ltr');
    expect(style.textAlign).to.be.oneOf(['start', 'left']);
    expect(style.letterSpacing).to.equal('normal');
    expect(style.wordSpacing).to.equal('0px');
    expect(style.textTransform).to.equal('none');
    expect(style.fontStyle).to.equal('normal');
    // Left-to-right: the question mark is the rightmost character of the label.
    const range = document.createRange();
    const node = [...label.childNodes].find(
      (child) => child.nodeType === Node.TEXT_NODE && child.textContent!.includes('?'),
    )!;
    const text = node.textContent!;
    const end = node.textContent!.lastIndexOf('?');
    range.setStart(node, end);
    range.setEnd(node, end + 1);
    const question = range.getBoundingClientRect();
    const start = text.search(/\S/);
    range.setStart(node, start);
    range.setEnd(node, start + 1);
    const first = range.getBoundingClientRect();
    expect(question.left, text).to.be.greaterThan(first.left);
  });

  it('at 320 px, long words in titles break at the joints of their parts, with a hyphen', async () => {
    await setViewport({ width: 320, height: 640 });
    const docs: SearchDocument[] = [
      ...DOCS,
      {
        id: 'lang',
        title: 'Aufenthaltsüberwachungsverfahren und Kraftfahrzeugzulassungsbehörde',
        url: '#lang',
        body: 'Verfahren der Behörde.',
      },
    ];
    const h = await renderSearch(html`<hzd-search .index=${testIndex(docs)}></hzd-search>`);
    await h.type('Aufenthaltsüberwachungsverfahren');
    await h.press('Escape');
    const link = h.cards[0]!.shadowRoot!.querySelector('a')!;
    const text = link.textContent!;
    expect(text.replaceAll('\u00ad', '')).to.equal(
      'Aufenthaltsüberwachungsverfahren und Kraftfahrzeugzulassungsbehörde',
    );
    // Where each line starts: only after a space or a soft hyphen (never inside a syllable).
    const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
    const chars: { char: string; top: number }[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.textContent!.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        // The bottom: a range at the start of a line also covers the end of the line before.
        if (rect.height) chars.push({ char: node.textContent![i]!, top: rect.bottom });
      }
    }
    let lines = 1;
    for (let i = 1; i < chars.length; i++) {
      if (chars[i]!.top <= chars[i - 1]!.top + 2) continue;
      lines++;
      const atSpace = chars[i]!.char === ' ' || chars[i - 1]!.char === ' ';
      expect(
        atSpace || chars[i - 1]!.char === '\u00ad',
        `break before "${chars[i]!.char}"`,
      ).to.equal(true);
    }
    expect(lines, 'the title wraps').to.be.above(2);
  });
});
