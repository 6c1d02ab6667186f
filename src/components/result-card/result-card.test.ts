/**
 * `<hzd-result-card>` on its own, through its `hit` property.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { SearchHit } from '../../core/index.js';
import type { HzdResultCard, HzdSelectEvent } from '../../index.js';
import '../../index.js';
import { expectNoAxeViolations } from '../../../test/browser/helpers/axe.js';
import { brokenIdReferences } from '../../../test/browser/helpers/idrefs.js';
import { normalizeRanges } from './highlight.js';

const HIT: SearchHit = {
  id: 'wohngeld',
  title: 'Wohngeld beantragen',
  url: '#wohngeld',
  summary: 'Zuschuss zur Miete.',
  score: 3.2,
  titleMatches: [[0, 8]],
  snippet: {
    text: '… Den Antrag auf Wohngeld stellen Sie bei der Wohngeldbehörde …',
    matches: [
      [17, 25],
      [46, 54],
    ],
  },
  category: 'Soziales',
  partners: ['Hessen', 'Bayern'],
  levels: ['Länder'],
  updated: '2026-11-28',
};

async function renderCard(hit: SearchHit = HIT, attributes = html``): Promise<HzdResultCard> {
  const card = await fixture<HzdResultCard>(
    html`<hzd-result-card .hit=${hit} query="wohngeld">${attributes}</hzd-result-card>`,
  );
  await card.updateComplete;
  return card;
}

const $ = <E extends Element = HTMLElement>(card: HzdResultCard, selector: string) =>
  card.shadowRoot!.querySelector<E>(selector);

interface AxNode {
  role: string;
  name: string;
  description: string;
}
const axTree = () => executeServerCommand<AxNode[], undefined>('ax-tree');

/** A PDF with four matching sections (the card shows three). */
const SECTIONED: SearchHit = {
  ...HIT,
  type: 'PDF',
  sections: [
    {
      anchor: 'antrag',
      title: 'Wohngeld-Antrag stellen',
      url: '#wohngeld-antrag',
      titleMatches: [[0, 8]],
      snippet: { text: 'Den Antrag auf Wohngeld stellen Sie schriftlich.', matches: [[15, 23]] },
    },
    {
      anchor: 'unterlagen',
      title: 'Unterlagen',
      url: '#wohngeld-unterlagen',
      titleMatches: [],
      snippet: { text: 'Mietvertrag und Einkommensnachweise für das Wohngeld.', matches: [] },
    },
    {
      anchor: 'dauer',
      title: 'Bewilligung',
      url: '#wohngeld-dauer',
      titleMatches: [],
      snippet: { text: '', matches: [] },
    },
    {
      anchor: 'vierter',
      title: 'Vierter Abschnitt',
      url: '#wohngeld-vierter',
      titleMatches: [],
      snippet: { text: 'Nicht gezeigt.', matches: [] },
    },
  ],
};

describe('<hzd-result-card>', () => {
  it('is an article named by its heading, which holds the link', async () => {
    const card = await renderCard();
    const article = $(card, 'article')!;
    const heading = card.shadowRoot!.getElementById(article.getAttribute('aria-labelledby')!)!;
    expect(heading.localName).to.equal('h3');
    const link = heading.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('#wohngeld');
    expect(link.textContent).to.equal('Wohngeld beantragen');
    expect(brokenIdReferences(card.shadowRoot!)).to.deep.equal([]);
  });

  it('uses the heading level it is given (and clamps nonsense)', async () => {
    const card = await renderCard();
    card.headingLevel = 4;
    await card.updateComplete;
    expect($(card, '#title')!.localName).to.equal('h4');
    expect(card.getAttribute('heading-level')).to.equal('4');
    card.headingLevel = 0;
    await card.updateComplete;
    expect($(card, '#title')!.localName).to.equal('h3');
    card.setAttribute('heading-level', '12');
    await card.updateComplete;
    expect($(card, '#title')!.localName).to.equal('h6');
  });

  it('marks the matched words with <mark> built from the ranges, as text nodes', async () => {
    const card = await renderCard();
    const titleMarks = [...card.shadowRoot!.querySelectorAll('a mark')].map((m) => m.textContent);
    expect(titleMarks).to.deep.equal(['Wohngeld']);
    const snippet = $(card, '[part="snippet"]')!;
    expect(snippet.textContent).to.equal(HIT.snippet.text);
    expect([...snippet.querySelectorAll('mark')].map((m) => m.textContent)).to.deep.equal([
      'Wohngeld',
      'Wohngeld',
    ]);
    expect(snippet.querySelectorAll('*:not(mark)')).to.have.length(0);
  });

  it('drops match ranges that are out of bounds, inverted or not integers, and merges overlaps', () => {
    const ranges = [[-5, 2], [10, 3], [1.5, 4], [3, 6], [5, 8], [20, 99], 'x', [30, 40]];
    expect(normalizeRanges('Wohngeld beantragen!', ranges)).to.deep.equal([
      [0, 2],
      [3, 8],
    ]);
    expect(normalizeRanges('abc', undefined)).to.deep.equal([]);
  });

  it('shows category, partners, levels and the date, formatted in German', async () => {
    const card = await renderCard();
    const meta = $(card, 'dl[part="meta"]')!;
    const rows = [...meta.querySelectorAll('div')].map((row) => [
      row.querySelector('dt')!.textContent,
      row.querySelector('dd')!.textContent,
    ]);
    expect(rows).to.deep.equal([
      ['Kategorie', 'Soziales'],
      ['Beteiligte', 'Hessen, Bayern'],
      ['Ebene', 'Länder'],
      ['Stand', '28.11.2026'],
    ]);
    expect(meta.querySelector('time')!.getAttribute('datetime')).to.equal('2026-11-28');
  });

  it('formats in English under lang="en" (own or inherited)', async () => {
    const wrapper = await fixture(
      html`<div lang="en"><hzd-result-card .hit=${HIT}></hzd-result-card></div>`,
    );
    const card = wrapper.querySelector('hzd-result-card')!;
    await card.updateComplete;
    const meta = $(card, '[part="meta"]')!.textContent!.replace(/\s+/g, ' ');
    expect(meta).to.contain('Category').and.contain('Updated').and.contain('Nov 28, 2026');
  });

  it('leaves out metadata that is missing or malformed', async () => {
    const card = await renderCard({
      ...HIT,
      category: undefined,
      partners: [],
      levels: undefined,
      updated: '28.11.2026',
    });
    expect($(card, '[part="meta"]')).to.equal(null);
  });

  it('never shows a date the index does not hold: impossible days are left out', async () => {
    for (const updated of ['2026-02-30', '2026-13-01', '2025-02-29', '2026-04-31']) {
      const card = await renderCard({
        ...HIT,
        category: undefined,
        partners: [],
        levels: [],
        updated,
      });
      expect($(card, '[part="meta"]'), updated).to.equal(null);
    }
    const leap = await renderCard({ ...HIT, updated: '2024-02-29' });
    expect($(leap, 'time')!.textContent).to.equal('29.02.2024');
  });

  it('isolates content text: an unterminated right-to-left override reorders nothing', async () => {
    const RLO = '\u202e';
    const card = await renderCard({
      ...HIT,
      title: `Wohngeld ${RLO}beantragen`,
      titleMatches: [],
      snippet: { text: `Antrag ${RLO}stellen Sie bei der Behörde`, matches: [[0, 6]] },
      category: `Soziales${RLO}`,
    });
    expect($(card, 'a')!.textContent).to.equal('Wohngeld beantragen');
    expect($(card, '[part="snippet"]')!.textContent).to.equal('Antrag stellen Sie bei der Behörde');
    expect($(card, 'dd')!.textContent).to.equal('Soziales');
    for (const selector of ['a', '[part="snippet"]', 'dd']) {
      expect(getComputedStyle($(card, selector)!).unicodeBidi, selector).to.equal('isolate');
    }
  });

  it('accepts string overrides', async () => {
    const card = await renderCard();
    card.strings = { updated: 'Aktualisiert' };
    await card.updateComplete;
    expect($(card, '[part="meta"]')!.textContent).to.contain('Aktualisiert');
  });

  it('is one tab stop', async () => {
    const card = await renderCard();
    const focusables = card.shadowRoot!.querySelectorAll('a[href], button, input, [tabindex]');
    expect(focusables).to.have.length(1);
    card.focus();
    expect(card.shadowRoot!.activeElement).to.equal($(card, 'a'));
  });

  it('fires a bubbling, composed, cancelable hzd-select; canceling keeps the page', async () => {
    const wrapper = await fixture(
      html`<div><hzd-result-card .hit=${HIT} query="wohngeld"></hzd-result-card></div>`,
    );
    const card = wrapper.querySelector('hzd-result-card')!;
    await card.updateComplete;
    const before = window.location.href;
    wrapper.addEventListener('hzd-select', (event) => event.preventDefault());
    const event = oneEvent(wrapper, 'hzd-select') as Promise<HzdSelectEvent>;
    $(card, 'a')!.click();
    const fired = await event;
    expect(fired.detail).to.deep.equal({ hit: HIT, query: 'wohngeld', url: HIT.url });
    expect(fired.bubbles && fired.composed && fired.cancelable).to.equal(true);
    expect(window.location.href).to.equal(before);
  });

  it('lets the link navigate when hzd-select is not canceled', async () => {
    const before = window.location.href;
    try {
      const card = await renderCard({ ...HIT, url: '#karte-geoeffnet' });
      $(card, 'a')!.click();
      expect(window.location.hash).to.equal('#karte-geoeffnet');
    } finally {
      window.history.replaceState(window.history.state, '', before);
    }
  });

  it('does not fire hzd-select for a modified click (new tab)', async () => {
    const card = await renderCard();
    let fired = false;
    card.addEventListener('hzd-select', () => (fired = true));
    const link = $(card, 'a')!;
    link.addEventListener('click', (event) => event.preventDefault()); // Keep the test page.
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true }));
    expect(fired).to.equal(false);
  });

  it('renders no link for unsafe URLs, only the title text', async () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:x',
      'data:text/html,<b>x</b>',
      'vbscript:x',
    ]) {
      const card = await renderCard({ ...HIT, url });
      expect($(card, 'a'), url).to.equal(null);
      expect($(card, '[part="title"]')!.textContent).to.equal('Wohngeld beantragen');
      expect(card.shadowRoot!.innerHTML).to.not.contain('javascript:');
    }
  });

  it('renders nothing without a hit', async () => {
    const card = await fixture<HzdResultCard>(html`<hzd-result-card></hzd-result-card>`);
    expect(card.shadowRoot!.querySelector('article')).to.equal(null);
  });

  it('passes axe (light and dark)', async () => {
    await expectNoAxeViolations(await renderCard());
    const dark = await fixture<HzdResultCard>(
      html`<div style="background:#161b22">
        <hzd-result-card theme="dark" .hit=${HIT}></hzd-result-card>
      </div>`,
    );
    await expectNoAxeViolations(dark);
  });
  describe('type and sections', () => {
    it('shows the type as a text badge, labelled for screen readers and describing the link', async () => {
      const card = await renderCard(SECTIONED);
      const badge = $(card, '[part="type"]')!;
      expect(badge.textContent).to.equal('PDF');
      expect(badge.localName).to.equal('dd');
      const term = badge.previousElementSibling!;
      expect(term.textContent).to.equal('Art');
      expect(term.classList.contains('visually-hidden')).to.equal(true);
      // Not colour alone: a visible border around the text.
      expect(getComputedStyle(badge).borderTopStyle).to.equal('solid');
      const link = $(card, '[part="link"]')!;
      expect(card.shadowRoot!.getElementById(link.getAttribute('aria-describedby')!)).to.equal(
        badge,
      );
      const nodes = await axTree();
      const page = nodes.find((node) => node.role === 'link' && node.name === HIT.title);
      expect(page?.description).to.equal('PDF');
      // The visually hidden term is still read: "Art PDF".
      expect(nodes.some((node) => node.name === 'Art')).to.equal(true);
    });

    it('labels the type in English under lang="en"', async () => {
      const wrapper = await fixture(
        html`<div lang="en"><hzd-result-card .hit=${SECTIONED}></hzd-result-card></div>`,
      );
      const card = wrapper.querySelector('hzd-result-card')!;
      await card.updateComplete;
      expect($(card, '[part="type"]')!.previousElementSibling!.textContent).to.equal('Type');
    });

    it('has no badge and no description without a type', async () => {
      const card = await renderCard();
      expect($(card, '[part="type"]')).to.equal(null);
      expect($(card, '[part="link"]')!.hasAttribute('aria-describedby')).to.equal(false);
    });

    it('lists up to three sections under the page, each a link to url#anchor with its snippet', async () => {
      const card = await renderCard(SECTIONED);
      const sections = [...card.shadowRoot!.querySelectorAll('[part="section"]')];
      expect(sections).to.have.length(3);
      const links = sections.map((section) => section.querySelector('a')!);
      expect(links.map((link) => link.getAttribute('href'))).to.deep.equal([
        '#wohngeld-antrag',
        '#wohngeld-unterlagen',
        '#wohngeld-dauer',
      ]);
      // The visible text is the heading; the page title is there for screen readers only.
      const visible = links.map((link) =>
        [...link.childNodes]
          .filter(
            (node) =>
              node.nodeType === Node.TEXT_NODE ||
              (node instanceof HTMLElement && !node.matches('.visually-hidden')),
          )
          .map((node) => node.textContent)
          .join(''),
      );
      expect(visible).to.deep.equal(['Wohngeld-Antrag stellen', 'Unterlagen', 'Bewilligung']);
      const snippets = sections.map(
        (section) => section.querySelector('[part="section-snippet"]')?.textContent ?? null,
      );
      expect(snippets).to.deep.equal([
        'Den Antrag auf Wohngeld stellen Sie schriftlich.',
        'Mietvertrag und Einkommensnachweise für das Wohngeld.',
        null,
      ]);
      // Sections come after the page's snippet and before its metadata, inside the same article.
      const article = $(card, 'article')!;
      const order = [...article.children].map((child) => child.getAttribute('part'));
      expect(order).to.deep.equal(['heading', 'snippet', 'sections', 'meta']);
    });

    it('marks matches in section titles and snippets with <mark> elements holding text', async () => {
      const card = await renderCard(SECTIONED);
      const first = card.shadowRoot!.querySelector('[part="section"]')!;
      const titleMarks = [...first.querySelectorAll('a mark')];
      expect(titleMarks.map((mark) => mark.textContent)).to.deep.equal(['Wohngeld']);
      // Text, never markup: no element inside the mark.
      expect(titleMarks[0]!.children).to.have.length(0);
      expect(
        [...titleMarks[0]!.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE),
      ).to.have.length.above(0);
      const snippetMarks = [...first.querySelectorAll('[part="section-snippet"] mark')];
      expect(snippetMarks.map((mark) => mark.textContent)).to.deep.equal(['Wohngeld']);
    });

    it('never parses section text as HTML', async () => {
      const card = await renderCard({
        ...HIT,
        sections: [
          {
            anchor: 'x',
            title: '<img src=x onerror=alert(1)>Abschnitt',
            url: '#x',
            titleMatches: [[0, 4]],
            snippet: { text: '<b>fett</b>', matches: [[0, 3]] },
          },
        ],
      });
      const section = card.shadowRoot!.querySelector('[part="section"]')!;
      expect(section.querySelector('img, b')).to.equal(null);
      expect(section.querySelector('a')!.textContent).to.contain(
        '<img src=x onerror=alert(1)>Abschnitt',
      );
      expect(section.querySelector('[part="section-snippet"]')!.textContent).to.equal(
        '<b>fett</b>',
      );
    });

    it('names each section link "Seite › Abschnitt" in the accessibility tree', async () => {
      await renderCard(SECTIONED);
      const links = (await axTree())
        .filter((node) => node.role === 'link')
        .map((node) => node.name);
      expect(links).to.deep.equal([
        'Wohngeld beantragen',
        'Wohngeld beantragen › Wohngeld-Antrag stellen',
        'Wohngeld beantragen › Unterlagen',
        'Wohngeld beantragen › Bewilligung',
      ]);
    });

    it('leaves out sections with unsafe URLs or without a title, and malformed ones', async () => {
      const card = await renderCard({
        ...HIT,
        sections: [
          {
            anchor: 'a',
            title: 'Böse',
            url: 'javascript:alert(1)',
            titleMatches: [],
            snippet: { text: '', matches: [] },
          },
          {
            anchor: 'b',
            title: '  ',
            url: '#b',
            titleMatches: [],
            snippet: { text: '', matches: [] },
          },
          null,
          { anchor: 'c', title: 'Gut', url: '#c' },
        ] as unknown as SearchHit['sections'],
      });
      const links = [...card.shadowRoot!.querySelectorAll('[part="section-link"]')];
      expect(links.map((link) => link.getAttribute('href'))).to.deep.equal(['#c']);
      expect(card.shadowRoot!.innerHTML).to.not.contain('javascript:');
    });

    it('renders no section list without sections', async () => {
      const card = await renderCard();
      expect($(card, '[part="sections"]')).to.equal(null);
    });

    it('is one tab stop for the page plus one per section, in reading order', async () => {
      const card = await renderCard(SECTIONED);
      const focusables = [
        ...card.shadowRoot!.querySelectorAll<HTMLElement>('a[href], button, input, [tabindex]'),
      ];
      expect(focusables.map((element) => element.getAttribute('part'))).to.deep.equal([
        'link',
        'section-link',
        'section-link',
        'section-link',
      ]);
    });

    it('lets section links take clicks above the page link that covers the card', async () => {
      const card = await renderCard(SECTIONED);
      const link = $(card, '[part="section-link"]')!;
      const box = link.getBoundingClientRect();
      const hit = card.shadowRoot!.elementFromPoint(box.left + 2, box.top + box.height / 2);
      expect(link.contains(hit)).to.equal(true);
    });

    it('fires hzd-select with the hit, the section and its URL for a section link', async () => {
      const wrapper = await fixture(
        html`<div><hzd-result-card .hit=${SECTIONED} query="wohngeld"></hzd-result-card></div>`,
      );
      const card = wrapper.querySelector('hzd-result-card')!;
      await card.updateComplete;
      const before = window.location.href;
      wrapper.addEventListener('hzd-select', (event) => event.preventDefault());
      const event = oneEvent(wrapper, 'hzd-select') as Promise<HzdSelectEvent>;
      card.shadowRoot!.querySelectorAll<HTMLElement>('[part="section-link"]')[1]!.click();
      const { detail } = await event;
      expect(detail).to.deep.equal({
        hit: SECTIONED,
        query: 'wohngeld',
        url: '#wohngeld-unterlagen',
        section: SECTIONED.sections![1],
      });
      expect(window.location.href).to.equal(before);
    });

    it('passes axe with a type badge and sections (light and dark)', async () => {
      await expectNoAxeViolations(await renderCard(SECTIONED));
      const dark = await fixture<HzdResultCard>(
        html`<div style="background:#161b22">
          <hzd-result-card theme="dark" .hit=${SECTIONED}></hzd-result-card>
        </div>`,
      );
      await expectNoAxeViolations(dark);
    });
  });
});
