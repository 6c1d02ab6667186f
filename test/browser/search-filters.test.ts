/**
 * The filter panel of `<hzd-search filters="…">`, against a stub source that filters and counts
 * as the core's contract says (OR within a field, AND across fields, a field's own filter left
 * out of its counts): the source is called with `filters` and `facets`, the disclosure, keyboard
 * flow, announcements, reset, `sync-url` round trips, the accessibility tree, axe in each state
 * and English strings.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type {
  SearchDocument,
  SearchHit,
  SearchOptions,
  SearchResults,
} from '../../src/core/index.js';
import type { FilterValues } from '../../src/core/types.js';
import type { HzdSearch, HzdSearchEvent, HzdSelectEvent } from '../../src/index.js';
import { expectNoAxeViolations } from './helpers/axe.js';
import { brokenIdReferences } from './helpers/idrefs.js';
import { indexUrl, renderSearch, SearchHarness, settle, testIndex } from './helpers/harness.js';

interface Meta {
  category: string;
  type: string;
  levels: string[];
}

/** Pages about Wohngeld of several kinds, and two that no Wohngeld query finds. */
const PAGES: (Pick<SearchDocument, 'id' | 'title' | 'body'> & Meta)[] = [
  {
    id: 'antrag',
    title: 'Wohngeld Antrag',
    body: 'Antrag auf Wohngeld.',
    category: 'Formular',
    type: 'PDF',
    levels: ['Land'],
  },
  {
    id: 'merkblatt',
    title: 'Merkblatt Wohngeld',
    body: 'Alles zum Wohngeld.',
    category: 'Merkblatt',
    type: 'PDF',
    levels: ['Bund'],
  },
  {
    id: 'info',
    title: 'Wohngeld erklärt',
    body: 'Wohngeld ist ein Zuschuss.',
    category: 'Information',
    type: 'HTML',
    levels: ['Land', 'Kommune'],
  },
  {
    id: 'rentner',
    title: 'Wohngeld für Rentner',
    body: 'Auch Rentner erhalten Wohngeld.',
    category: 'Information',
    type: 'HTML',
    levels: ['Kommune'],
  },
  {
    id: 'online',
    title: 'Wohngeld online',
    body: 'Wohngeld online stellen.',
    category: 'Formular',
    type: 'HTML',
    levels: ['Kommune'],
  },
  {
    id: 'hund',
    title: 'Hundesteuer',
    body: 'Hundesteuer anmelden.',
    category: 'Formular',
    type: 'PDF',
    levels: ['Kommune'],
  },
  {
    id: 'statistik',
    title: 'Zählkarte',
    body: 'Statistik der Gemeinde.',
    category: 'Statistik',
    type: 'XLSX',
    levels: ['Bund'],
  },
];

const DOCS: SearchDocument[] = PAGES.map(({ id, title, body }) => ({
  id,
  title,
  body,
  url: `#${id}`,
}));
const META = new Map(PAGES.map((page) => [page.id, page]));

function valuesOf(hit: SearchHit, field: string): string[] {
  const meta = META.get(hit.id)!;
  if (field === 'levels') return meta.levels;
  if (field === 'category' || field === 'type') return [meta[field]];
  return [];
}

interface StubSource {
  calls: SearchOptions[];
  /** The prefetch calls: text too short to search, and the options given. */
  prefetches: [string, SearchOptions | undefined][];
  prefetch(query: string, options?: SearchOptions): void;
  filterValues?: FilterValues;
  search(query: string, options?: SearchOptions): SearchResults;
  suggest(query: string): ReturnType<ReturnType<typeof testIndex>['suggest']>;
}

/** Filters and counts the core's hits the way the contract describes. */
function stubSource({ withAllValues = false } = {}): StubSource {
  const index = testIndex(DOCS);
  const calls: SearchOptions[] = [];
  const prefetches: StubSource['prefetches'] = [];
  const source: StubSource = {
    calls,
    prefetches,
    prefetch: (query, options) => void prefetches.push([query, options]),
    search(query, options = {}) {
      // Every search carries the signal that aborts it, not enumerable (controllers.test.ts):
      // the options compare as before.
      expect(options.signal).to.be.instanceOf(AbortSignal);
      calls.push(options);
      const all = index.search(query, { prefix: options.prefix, limit: 1000 }).hits.map((hit) => ({
        ...hit,
        type: META.get(hit.id)!.type,
        category: META.get(hit.id)!.category,
      }));
      const filters = options.filters ?? {};
      const matches = (hit: SearchHit, except?: string) =>
        Object.entries(filters).every(
          ([field, values]) =>
            field === except || valuesOf(hit, field).some((value) => values.includes(value)),
        );
      const hits = all.filter((hit) => matches(hit));
      const facets: Record<string, Record<string, number>> = {};
      for (const field of options.facets ?? []) {
        const counts: Record<string, number> = {};
        for (const hit of all) {
          if (!matches(hit, field)) continue;
          for (const value of valuesOf(hit, field)) counts[value] = (counts[value] ?? 0) + 1;
        }
        facets[field] = counts;
      }
      return { query, total: hits.length, hits: hits.slice(0, options.limit ?? 10), facets };
    },
    suggest: (query) => index.suggest(query),
  };
  if (withAllValues) {
    // As the static index has them: [value, documentCount] pairs per field.
    const all: Record<string, Record<string, number>> = { category: {}, type: {}, levels: {} };
    for (const page of PAGES) {
      for (const field of ['category', 'type', 'levels'] as const) {
        for (const value of field === 'levels' ? page.levels : [page[field]]) {
          all[field]![value] = (all[field]![value] ?? 0) + 1;
        }
      }
    }
    source.filterValues = Object.fromEntries(
      Object.entries(all).map(([field, counts]) => [field, Object.entries(counts)]),
    );
  }
  return source;
}

interface AxNode {
  role: string;
  name: string;
  properties: Record<string, unknown>;
}
const axTree = () => executeServerCommand<AxNode[], undefined>('ax-tree');

const toggle = (h: SearchHarness) => h.$<HTMLButtonElement>('[part="filter-toggle"]');
const reset = (h: SearchHarness) => h.$<HTMLButtonElement>('[part="filter-reset"]');
const panel = (h: SearchHarness) => h.$('#filter-panel')!;
const checkbox = (h: SearchHarness, legend: string, value: string) => {
  for (const group of h.root.querySelectorAll('fieldset')) {
    if (group.querySelector('legend')!.textContent!.trim() !== legend) continue;
    for (const label of group.querySelectorAll('label')) {
      if (label.textContent!.replace(/\s+/g, ' ').trim().startsWith(`${value} (`)) {
        return label.querySelector('input')!;
      }
    }
  }
  throw new Error(`no checkbox ${legend} › ${value}`);
};
/** The options of each group as read: "Formular (2)", with ", aus" for unavailable ones. */
const groups = (h: SearchHarness) =>
  Object.fromEntries(
    [...h.root.querySelectorAll('fieldset')].map((group) => [
      group.querySelector('legend')!.textContent!.trim(),
      [...group.querySelectorAll('label')].map((label) => {
        const input = label.querySelector('input')!;
        const text = label.textContent!.replace(/\s+/g, ' ').trim();
        return `${input.checked ? '[x] ' : ''}${text}${input.disabled ? ', aus' : ''}`;
      }),
    ]),
  );

async function searchFor(h: SearchHarness, query: string): Promise<void> {
  await h.type(query);
  await h.press('Enter');
  await h.waitForState('results');
}

/** Presses Tab until `target` has focus (at most `max` times); returns the number of presses. */
async function tabTo(h: SearchHarness, target: Element, max = 6): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await sendKeys({ press: 'Tab' });
    await settle(h.el);
    if (h.focused === target) return presses;
  }
  throw new Error(`Tab did not reach ${target.outerHTML.slice(0, 80)}`);
}

describe('<hzd-search filters>', () => {
  it('without the attribute: no filter UI, and the source is asked as before', async () => {
    const source = stubSource();
    const h = await renderSearch(html`<hzd-search .index=${source}></hzd-search>`);
    await searchFor(h, 'wohngeld');
    expect(toggle(h)).to.equal(null);
    expect(source.calls.at(-1)).to.deep.equal({ limit: 10, prefix: false });
  });

  it('prefetches the first letter with the options its search will have', async () => {
    const source = stubSource();
    const h = await renderSearch(
      html`<hzd-search filters="category" limit="5" .index=${source}></hzd-search>`,
    );
    await h.type('W');
    expect(source.calls).to.deep.equal([]);
    expect(source.prefetches).to.deep.equal([
      ['W', { limit: 5, prefix: true, facets: ['category'] }],
    ]);
  });

  it('asks for facets of the named fields; a closed disclosure button controls the panel', async () => {
    const source = stubSource();
    const h = await renderSearch(
      html`<hzd-search filters="category, type , levels" .index=${source}></hzd-search>`,
    );
    expect(h.el.filters).to.deep.equal(['category', 'type', 'levels']);
    await searchFor(h, 'wohngeld');
    expect(source.calls.at(-1)).to.deep.equal({
      limit: 10,
      prefix: false,
      facets: ['category', 'type', 'levels'],
    });
    const button = toggle(h)!;
    expect(button.textContent!.trim()).to.equal('Filter');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(h.root.getElementById(button.getAttribute('aria-controls')!)).to.equal(panel(h));
    expect(panel(h).hidden).to.equal(true);
    expect(reset(h)).to.equal(null);
    expect(brokenIdReferences(h.root)).to.deep.equal([]);
  });

  it('draws real checkboxes (the search field’s styles do not reach them), 24 px large', async () => {
    const h = await renderSearch(
      html`<hzd-search filters="category" .index=${stubSource()}></hzd-search>`,
    );
    await searchFor(h, 'wohngeld');
    toggle(h)!.click();
    await settle(h.el);
    const box = checkbox(h, 'Kategorie', 'Formular');
    const style = getComputedStyle(box);
    expect(style.appearance).to.equal('auto');
    expect(style.paddingLeft).to.equal('0px');
    const { width, height } = box.getBoundingClientRect();
    expect([width, height]).to.deep.equal([24, 24]);
    const label = box.closest('label')!;
    expect(getComputedStyle(label).fontWeight).to.equal('400');
    expect(getComputedStyle(label).fontSize).to.equal(getComputedStyle(h.el).fontSize);
  });

  it('lists each field as a group of values with counts, in a stable order', async () => {
    const h = await renderSearch(
      html`<hzd-search filters="category, type, levels" .index=${stubSource()}></hzd-search>`,
    );
    await searchFor(h, 'wohngeld');
    toggle(h)!.click();
    await settle(h.el);
    expect(panel(h).hidden).to.equal(false);
    expect(groups(h)).to.deep.equal({
      Kategorie: ['Formular (2)', 'Information (2)', 'Merkblatt (1)'],
      Art: ['HTML (3)', 'PDF (2)'],
      Ebene: ['Bund (1)', 'Kommune (3)', 'Land (2)'],
    });
  });

  it('works by keyboard: Tab to the button, open it, tick a box; the search runs, focus stays, the count is announced', async () => {
    const source = stubSource();
    const h = await renderSearch(
      html`<hzd-search filters="category, type" .index=${source}></hzd-search>`,
    );
    await searchFor(h, 'wohngeld');
    const said = h.recordAnnouncements();
    await tabTo(h, toggle(h)!);
    await h.press('Enter');
    expect(toggle(h)!.getAttribute('aria-expanded')).to.equal('true');
    expect(panel(h).hidden).to.equal(false);
    const formular = checkbox(h, 'Kategorie', 'Formular');
    expect(await tabTo(h, formular)).to.equal(1);
    await h.press('Space');
    await waitUntil(() => h.count === '2 Ergebnisse für „wohngeld“', `count was ${h.count}`);
    expect(source.calls.at(-1)).to.deep.include({ filters: { category: ['Formular'] } });
    expect(h.cardTitles.sort()).to.deep.equal(['Wohngeld Antrag', 'Wohngeld online']);
    expect(h.focused).to.equal(formular);
    expect(formular.checked).to.equal(true);
    expect(said).to.include('2 Ergebnisse für „wohngeld“');
    await settle(h.el);
    // Polite: the status regions, not the assertive ones.
    expect(h.regions.slice(0, 2)).to.include('2 Ergebnisse für „wohngeld“');
    expect(h.regions.slice(2).join('')).to.equal('');
    expect(toggle(h)!.textContent!.trim()).to.equal('Filter (1 aktiv)');
    // Counts of the other field follow; the field's own counts do not (they add to the choice).
    expect(groups(h)).to.deep.equal({
      Kategorie: ['[x] Formular (2)', 'Information (2)', 'Merkblatt (1)'],
      Art: ['HTML (1)', 'PDF (1)'],
    });
    // A second value of the same field widens the results (OR).
    await tabTo(h, checkbox(h, 'Kategorie', 'Merkblatt'));
    await h.press('Space');
    await waitUntil(() => h.count === '3 Ergebnisse für „wohngeld“', `count was ${h.count}`);
    expect(source.calls.at(-1)).to.deep.include({
      filters: { category: ['Formular', 'Merkblatt'] },
    });
    expect(said.at(-1)).to.equal('3 Ergebnisse für „wohngeld“');
  });

  it('narrows across fields (AND) and disables values without results, unless they are ticked', async () => {
    const h = await renderSearch(
      html`<hzd-search filters="category, type" .index=${stubSource()}></hzd-search>`,
    );
    await searchFor(h, 'wohngeld');
    toggle(h)!.click();
    await settle(h.el);
    checkbox(h, 'Kategorie', 'Merkblatt').click();
    await waitUntil(() => h.count === '1 Ergebnis für „wohngeld“', `count was ${h.count}`);
    expect(groups(h)['Art']).to.deep.equal(['HTML (0), aus', 'PDF (1)']);
    // Disabled boxes are not in the tab order.
    const pdf = checkbox(h, 'Art', 'PDF');
    pdf.focus();
    await sendKeys({ press: 'Shift+Tab' });
    expect(h.focused).to.equal(checkbox(h, 'Kategorie', 'Merkblatt'));
    // A new text keeps the chosen filters; a ticked value without results stays, and can be unticked.
    h.input.focus();
    await h.fill('rentner');
    await h.press('Enter');
    await h.waitForState('no-results');
    expect(groups(h)['Kategorie']).to.deep.equal([
      'Formular (0), aus',
      'Information (1)',
      '[x] Merkblatt (0)',
    ]);
    expect(checkbox(h, 'Kategorie', 'Merkblatt').disabled).to.equal(false);
    expect(reset(h)).to.not.equal(null);
  });

  it('says that the filters exclude everything, instead of asking to check the spelling', async () => {
    const h = await renderSearch(
      html`<hzd-search filters="category" .index=${stubSource()}></hzd-search>`,
    );
    await searchFor(h, 'wohngeld');
    toggle(h)!.click();
    await settle(h.el);
    checkbox(h, 'Kategorie', 'Merkblatt').click();
    await waitUntil(() => h.count === '1 Ergebnis für „wohngeld“', 'filtered');
    const said = h.recordAnnouncements();
    h.input.focus();
    await h.fill('rentner');
    await h.press('Enter');
    await h.waitForState('no-results');
    const help = [...h.root.querySelectorAll('.help')].map((p) => p.textContent!.trim());
    expect(help).to.include('Die gewählten Filter schließen alle Ergebnisse aus.');
    expect(help).to.not.include(
      'Bitte prüfen Sie die Schreibweise oder versuchen Sie einen anderen Begriff.',
    );
    expect(said.at(-1)).to.equal(
      'Keine Ergebnisse für „rentner“. Die gewählten Filter schließen alle Ergebnisse aus.',
    );
    // Without filters, the usual help.
    reset(h)!.click();
    await settle(h.el);
    await h.fill('xyzzy');
    await h.press('Enter');
    await h.waitForState('no-results');
    expect(h.root.querySelector('.help')!.textContent!.trim()).to.equal(
      'Bitte prüfen Sie die Schreibweise oder versuchen Sie einen anderen Begriff.',
    );
  });

  it('"Filter zurücksetzen" clears every filter, searches again and moves focus to the button', async () => {
    const source = stubSource();
    const h = await renderSearch(
      html`<hzd-search filters="category, type" .index=${source}></hzd-search>`,
    );
    await searchFor(h, 'wohngeld');
    toggle(h)!.click();
    await settle(h.el);
    checkbox(h, 'Kategorie', 'Formular').click();
    await waitUntil(() => h.count === '2 Ergebnisse für „wohngeld“', 'filtered');
    checkbox(h, 'Art', 'PDF').click();
    await waitUntil(() => h.count === '1 Ergebnis für „wohngeld“', 'filtered twice');
    expect(toggle(h)!.textContent!.trim()).to.equal('Filter (2 aktiv)');
    const said = h.recordAnnouncements();
    const button = reset(h)!;
    expect(button.textContent!.trim()).to.equal('Filter zurücksetzen');
    await tabTo(h, button, 12);
    await h.press('Enter');
    await waitUntil(() => h.count === '5 Ergebnisse für „wohngeld“', `count was ${h.count}`);
    expect(source.calls.at(-1)).to.not.have.property('filters');
    expect(reset(h)).to.equal(null);
    expect(h.focused).to.equal(toggle(h));
    expect(toggle(h)!.textContent!.trim()).to.equal('Filter');
    expect(said).to.include('5 Ergebnisse für „wohngeld“');
    expect(
      Object.values(groups(h))
        .flat()
        .some((option) => option.startsWith('[x]')),
    ).to.equal(false);
  });

  it('hzd-search carries the filters (also when a filter changes)', async () => {
    const h = await renderSearch(
      html`<hzd-search filters="category" .index=${stubSource()}></hzd-search>`,
    );
    const first = oneEvent(h.el, 'hzd-search') as Promise<HzdSearchEvent>;
    await searchFor(h, 'wohngeld');
    expect((await first).detail).to.deep.equal({ query: 'wohngeld', total: 5, filters: {} });
    toggle(h)!.click();
    await settle(h.el);
    const second = oneEvent(h.el, 'hzd-search') as Promise<HzdSearchEvent>;
    checkbox(h, 'Kategorie', 'Information').click();
    expect((await second).detail).to.deep.equal({
      query: 'wohngeld',
      total: 2,
      filters: { category: ['Information'] },
    });
  });

  it('filters results found while typing without switching to whole words', async () => {
    const source = stubSource();
    const h = await renderSearch(
      html`<hzd-search filters="category" .index=${source}></hzd-search>`,
    );
    await h.type('wohng');
    await h.waitForState('results');
    toggle(h)!.click();
    await settle(h.el);
    checkbox(h, 'Kategorie', 'Formular').click();
    await waitUntil(() => h.count === '2 Ergebnisse für „wohng“', `count was ${h.count}`);
    expect(source.calls.at(-1)).to.deep.include({ prefix: true });
  });

  it('lists every value of the index when the source has them, those without results disabled', async () => {
    const h = await renderSearch(
      html`<hzd-search
        filters="category"
        .index=${stubSource({ withAllValues: true })}
      ></hzd-search>`,
    );
    await searchFor(h, 'wohngeld');
    expect(groups(h)['Kategorie']).to.deep.equal([
      'Formular (2)',
      'Information (2)',
      'Merkblatt (1)',
      'Statistik (0), aus',
    ]);
  });

  it('keeps values seen earlier (with 0) when a source leaves out values without results', async () => {
    const h = await renderSearch(
      html`<hzd-search filters="type" .index=${stubSource()}></hzd-search>`,
    );
    await searchFor(h, 'hundesteuer');
    expect(groups(h)['Art']).to.deep.equal(['PDF (1)']);
    h.input.focus();
    await h.fill('rentner');
    await h.press('Enter');
    await h.waitForState('results');
    expect(groups(h)['Art']).to.deep.equal(['HTML (1)', 'PDF (0), aus']);
  });

  it('names other fields by their name, or by strings.filterLabels', async () => {
    const index = testIndex(DOCS);
    const source = {
      search: (query: string, options: SearchOptions = {}) => ({
        ...index.search(query, options),
        facets: { zielgruppe: { Bürger: 2, Unternehmen: 1 } },
      }),
      suggest: (query: string) => index.suggest(query),
    };
    const h = await renderSearch(
      html`<hzd-search filters="zielgruppe" .index=${source}></hzd-search>`,
    );
    await searchFor(h, 'wohngeld');
    expect(Object.keys(groups(h))).to.deep.equal(['zielgruppe']);
    h.el.strings = { filterLabels: { zielgruppe: 'Zielgruppe' } };
    await settle(h.el);
    expect(groups(h)).to.deep.equal({ Zielgruppe: ['Bürger (2)', 'Unternehmen (1)'] });
  });

  it('survives an index whose language is no valid tag (values sorted in German)', async () => {
    const source = Object.assign(stubSource(), { language: 'not a language!' });
    const h = await renderSearch(
      html`<hzd-search filters="category" .index=${source}></hzd-search>`,
    );
    await searchFor(h, 'wohngeld');
    expect(groups(h)['Kategorie']).to.deep.equal([
      'Formular (2)',
      'Information (2)',
      'Merkblatt (1)',
    ]);
  });

  it('shows no filter UI when nothing is found and nothing is chosen', async () => {
    const h = await renderSearch(
      html`<hzd-search filters="category" .index=${stubSource()}></hzd-search>`,
    );
    await h.type('xyzzy');
    await h.press('Enter');
    await h.waitForState('no-results');
    expect(toggle(h)).to.equal(null);
  });

  it('leaves the combobox alone: suggestions still open as you type', async () => {
    const h = await renderSearch(
      html`<hzd-search filters="category" .index=${stubSource()}></hzd-search>`,
    );
    await h.type('wohng');
    await h.waitForState('results');
    expect(h.expanded).to.equal(true);
    expect(h.options.length).to.be.above(0);
    expect(h.focused).to.equal(h.input);
  });

  it('exposes a named disclosure, named groups and checkboxes in the accessibility tree', async () => {
    const h = await renderSearch(
      html`<hzd-search filters="category, type" .index=${stubSource()}></hzd-search>`,
    );
    await searchFor(h, 'wohngeld');
    toggle(h)!.click();
    await settle(h.el);
    checkbox(h, 'Art', 'PDF').click();
    await waitUntil(() => h.count === '2 Ergebnisse für „wohngeld“', 'filtered');
    const nodes = await axTree();
    const button = nodes.find((node) => node.role === 'button' && node.name.startsWith('Filter ('));
    expect(button?.name).to.equal('Filter (1 aktiv)');
    expect(button?.properties['expanded']).to.equal(true);
    const groupNames = nodes.filter((node) => node.role === 'group').map((node) => node.name);
    expect(groupNames).to.include.members(['Kategorie', 'Art']);
    const boxes = nodes.filter((node) => node.role === 'checkbox');
    expect(boxes.map((node) => node.name)).to.include.members(['PDF (2)', 'Formular (1)']);
    const pdf = boxes.find((node) => node.name === 'PDF (2)')!;
    expect(pdf.properties['checked']).to.equal('true');
    const buttons = nodes.filter((node) => node.role === 'button').map((node) => node.name);
    expect(buttons).to.include('Filter zurücksetzen');
  });

  it('passes axe closed, open, with active filters and filtered to no results', async () => {
    const h = await renderSearch(
      html`<hzd-search filters="category, type, levels" .index=${stubSource()}></hzd-search>`,
    );
    await searchFor(h, 'wohngeld');
    await expectNoAxeViolations(h.el);
    toggle(h)!.click();
    await settle(h.el);
    await expectNoAxeViolations(h.el);
    checkbox(h, 'Kategorie', 'Merkblatt').click();
    await waitUntil(() => h.count === '1 Ergebnis für „wohngeld“', 'filtered');
    await expectNoAxeViolations(h.el);
    h.input.focus();
    await h.fill('rentner');
    await h.press('Enter');
    await h.waitForState('no-results');
    expect(reset(h)).to.not.equal(null);
    await expectNoAxeViolations(h.el);
    expect(brokenIdReferences(h.root)).to.deep.equal([]);
  });

  it('passes axe in the dark theme with the panel open', async () => {
    const wrapper = await fixture(
      html`<div style="background:#161b22">
        <hzd-search theme="dark" filters="category" .index=${stubSource()}></hzd-search>
      </div>`,
    );
    const h = new SearchHarness(wrapper.querySelector('hzd-search')!);
    await searchFor(h, 'wohngeld');
    toggle(h)!.click();
    await settle(h.el);
    checkbox(h, 'Kategorie', 'Formular').click();
    await waitUntil(() => h.count === '2 Ergebnisse für „wohngeld“', 'filtered');
    await expectNoAxeViolations(h.el);
  });

  it('speaks English under lang="en"', async () => {
    const wrapper = await fixture(
      html`<div lang="en">
        <hzd-search filters="category, type, levels, partners" .index=${stubSource()}></hzd-search>
      </div>`,
    );
    const h = new SearchHarness(wrapper.querySelector<HzdSearch>('hzd-search')!);
    await searchFor(h, 'wohngeld');
    expect(toggle(h)!.textContent!.trim()).to.equal('Filters');
    toggle(h)!.click();
    await settle(h.el);
    expect(Object.keys(groups(h))).to.deep.equal(['Category', 'Type', 'Level']);
    checkbox(h, 'Category', 'Formular').click();
    await waitUntil(() => h.count === '2 results for “wohngeld”', `count was ${h.count}`);
    expect(toggle(h)!.textContent!.trim()).to.equal('Filters (1 active)');
    expect(reset(h)!.textContent!.trim()).to.equal('Reset filters');
  });

  it("the README's Matomo sample forwards hzd-search and hzd-select, and only once enabled", async () => {
    const readme = await (await fetch('/README.md')).text();
    const block = /<!-- analytics-snippet -->\s*```html\n<script>\n([\s\S]*?)<\/script>\n```/.exec(
      readme,
    );
    expect(block, 'the README has the marked sample').to.not.equal(null);
    const win = window as unknown as { _paq?: unknown[][] };
    delete win._paq;
    const enable = new Function(`${block![1]}; return enableSearchAnalytics;`)() as () => void;
    const h = await renderSearch(
      html`<hzd-search filters="category" .index=${stubSource()}></hzd-search>`,
    );
    h.el.addEventListener('hzd-select', (event) => event.preventDefault());
    await searchFor(h, 'wohngeld');
    expect(win._paq, 'nothing before consent').to.equal(undefined);
    // The sample's listeners are recorded, so the test can remove them again.
    const listeners: [string, EventListener][] = [];
    const add = document.addEventListener;
    document.addEventListener = ((type: string, listener: EventListener) => {
      listeners.push([type, listener]);
      add.call(document, type, listener);
    }) as typeof document.addEventListener;
    try {
      enable();
    } finally {
      document.addEventListener = add;
    }
    expect(listeners.map(([type]) => type)).to.deep.equal(['hzd-search', 'hzd-select']);
    try {
      toggle(h)!.click();
      await settle(h.el);
      checkbox(h, 'Kategorie', 'Formular').click();
      await waitUntil(() => (win._paq ?? []).length > 0, 'tracked');
      expect(win._paq![0]).to.deep.equal(['trackSiteSearch', 'wohngeld', 'category: Formular', 2]);
      h.cards[0]!.shadowRoot!.querySelector<HTMLElement>('[part="link"]')!.click();
      expect(win._paq![1]!.slice(0, 3)).to.deep.equal(['trackEvent', 'Suche', 'Ergebnis gewählt']);
      expect(win._paq![1]![3]).to.match(/^#(antrag|online)$/);
    } finally {
      for (const [type, listener] of listeners) document.removeEventListener(type, listener);
      delete win._paq;
    }
  });

  describe('sync-url', () => {
    let original: string;
    beforeEach(() => {
      original = window.location.href;
    });
    afterEach(() => {
      window.history.replaceState(window.history.state, '', original);
    });

    const params = () => new URL(window.location.href).searchParams;

    it('writes the chosen values as filter-<field> parameters, and removes them on reset', async () => {
      const h = await renderSearch(
        html`<hzd-search sync-url filters="category, type" .index=${stubSource()}></hzd-search>`,
      );
      const length = window.history.length;
      await searchFor(h, 'wohngeld');
      toggle(h)!.click();
      await settle(h.el);
      checkbox(h, 'Kategorie', 'Formular').click();
      await waitUntil(() => params().has('filter-category'), 'filter in the URL');
      checkbox(h, 'Kategorie', 'Information').click();
      await waitUntil(() => params().getAll('filter-category').length === 2, 'both values');
      expect(params().get('q')).to.equal('wohngeld');
      expect(params().getAll('filter-category')).to.deep.equal(['Formular', 'Information']);
      expect(params().has('filter-type')).to.equal(false);
      expect(window.history.length).to.equal(length);
      reset(h)!.click();
      await waitUntil(() => !params().has('filter-category'), 'filters removed');
      expect(params().get('q')).to.equal('wohngeld');
    });

    it('leaves the site’s own parameters alone (also one called like a field)', async () => {
      const url = new URL(original);
      url.searchParams.set('category', 'seite');
      window.history.replaceState(window.history.state, '', url);
      const h = await renderSearch(
        html`<hzd-search sync-url filters="category" .index=${stubSource()}></hzd-search>`,
      );
      await searchFor(h, 'wohngeld');
      toggle(h)!.click();
      await settle(h.el);
      checkbox(h, 'Kategorie', 'Formular').click();
      await waitUntil(() => params().has('filter-category'), 'filter in the URL');
      expect(params().get('category')).to.equal('seite');
    });

    it('restores query and filters from the URL on load: the first search is filtered', async () => {
      const url = new URL(original);
      url.searchParams.set('q', 'wohngeld');
      url.searchParams.append('filter-category', 'Formular');
      url.searchParams.append('filter-type', 'PDF');
      url.searchParams.append('filter-unlisted', 'x');
      window.history.replaceState(window.history.state, '', url);
      const source = stubSource();
      const h = await renderSearch(
        html`<hzd-search sync-url filters="category, type" .index=${source}></hzd-search>`,
      );
      await h.waitForState('results');
      expect(source.calls[0]).to.deep.include({
        filters: { category: ['Formular'], type: ['PDF'] },
      });
      expect(h.cardTitles).to.deep.equal(['Wohngeld Antrag']);
      expect(toggle(h)!.textContent!.trim()).to.equal('Filter (2 aktiv)');
      toggle(h)!.click();
      await settle(h.el);
      expect(checkbox(h, 'Kategorie', 'Formular').checked).to.equal(true);
      expect(checkbox(h, 'Art', 'PDF').checked).to.equal(true);
    });

    it('follows the URL on popstate (back and forward)', async () => {
      const source = stubSource();
      const h = await renderSearch(
        html`<hzd-search sync-url filters="category" .index=${source}></hzd-search>`,
      );
      await searchFor(h, 'wohngeld');
      const url = new URL(window.location.href);
      url.searchParams.set('q', 'rentner');
      url.searchParams.append('filter-category', 'Information');
      window.history.replaceState(window.history.state, '', url);
      window.dispatchEvent(new PopStateEvent('popstate'));
      await waitUntil(() => h.count === '1 Ergebnis für „rentner“', `count was ${h.count}`);
      expect(h.input.value).to.equal('rentner');
      expect(source.calls.at(-1)).to.deep.include({ filters: { category: ['Information'] } });
      const back = new URL(window.location.href);
      back.searchParams.delete('q');
      back.searchParams.delete('filter-category');
      window.history.replaceState(window.history.state, '', back);
      window.dispatchEvent(new PopStateEvent('popstate'));
      await h.waitForState('idle');
      expect(h.input.value).to.equal('');
    });

    it('ignores popstate without the attribute', async () => {
      const source = stubSource();
      const h = await renderSearch(
        html`<hzd-search filters="category" .index=${source}></hzd-search>`,
      );
      await searchFor(h, 'wohngeld');
      const calls = source.calls.length;
      const url = new URL(window.location.href);
      url.searchParams.set('q', 'rentner');
      window.history.replaceState(window.history.state, '', url);
      window.dispatchEvent(new PopStateEvent('popstate'));
      await settle(h.el);
      expect(source.calls.length).to.equal(calls);
      expect(h.input.value).to.equal('wohngeld');
    });
  });
});

describe('<hzd-search> with section sub-results', () => {
  const SECTION_HIT: SearchHit = {
    id: 'antrag',
    title: 'Wohngeld Antrag',
    url: '#antrag',
    summary: '',
    score: 1,
    titleMatches: [[0, 8]],
    snippet: { text: 'Antrag auf Wohngeld.', matches: [[11, 19]] },
    type: 'PDF',
    sections: [
      {
        anchor: 'fristen',
        title: 'Fristen für Wohngeld',
        url: '#antrag-fristen',
        titleMatches: [[12, 20]],
        snippet: { text: 'Wohngeld gilt ab dem Monat des Antrags.', matches: [[0, 8]] },
      },
    ],
  };
  const source = {
    search: (query: string) => ({ query, total: 1, hits: [SECTION_HIT] }),
    suggest: () => ({ completions: [] }),
  };

  it('shows the sections in the card, named "Seite › Abschnitt", and hzd-select leaves the element with the section URL', async () => {
    const h = await renderSearch(html`<hzd-search .index=${source}></hzd-search>`);
    await searchFor(h, 'wohngeld');
    const links = (await axTree()).filter((node) => node.role === 'link').map((node) => node.name);
    expect(links).to.include.members(['Wohngeld Antrag', 'Wohngeld Antrag › Fristen für Wohngeld']);
    const wrapper = h.el.parentElement!;
    const selected = oneEvent(wrapper, 'hzd-select') as Promise<HzdSelectEvent>;
    wrapper.addEventListener('hzd-select', (event) => event.preventDefault(), { once: true });
    const before = window.location.href;
    h.cards[0]!.shadowRoot!.querySelector<HTMLElement>('[part="section-link"]')!.click();
    const { detail } = await selected;
    expect(detail.url).to.equal('#antrag-fristen');
    expect(detail.section?.anchor).to.equal('fristen');
    expect(detail.query).to.equal('wohngeld');
    expect(window.location.href).to.equal(before);
    // The card's parts reach the page through <hzd-search>.
    const parts = h.cards[0]!.getAttribute('exportparts')!;
    for (const part of ['type', 'sections', 'section', 'section-link', 'section-snippet']) {
      expect(parts.split(/\s*,\s*/)).to.include(part);
    }
    await expectNoAxeViolations(h.el);
  });
});

describe('<hzd-search filters> with the real index', () => {
  /** Documents as a site gives them to the CLI: fields, further filters and linkable sections. */
  const SITE: SearchDocument[] = PAGES.map(({ id, title, body, category, type, levels }) => ({
    id,
    title,
    body,
    url: `/seiten/${id}`,
    category,
    type,
    levels,
    filters: { zielgruppe: id === 'rentner' ? ['Senioren'] : ['Alle'] },
    sections:
      id === 'antrag'
        ? [
            {
              anchor: 'fristen',
              title: 'Fristen beim Wohngeld',
              text: 'Wohngeld gilt ab dem Antragsmonat.',
            },
          ]
        : undefined,
  }));

  for (const how of ['index property', 'index-src (engine)'] as const) {
    it(`filters, counts and shows sections: ${how}`, async () => {
      const h =
        how === 'index property'
          ? await renderSearch(
              html`<hzd-search
                filters="category, type, zielgruppe"
                .index=${testIndex(SITE)}
              ></hzd-search>`,
            )
          : await renderSearch(
              html`<hzd-search
                filters="category, type, zielgruppe"
                index-src=${indexUrl(SITE)}
              ></hzd-search>`,
            );
      await searchFor(h, 'wohngeld');
      toggle(h)!.click();
      await settle(h.el);
      expect(groups(h)).to.deep.equal({
        Kategorie: ['Formular (2)', 'Information (2)', 'Merkblatt (1)', 'Statistik (0), aus'],
        Art: ['HTML (3)', 'PDF (2)', 'XLSX (0), aus'],
        zielgruppe: ['Alle (4)', 'Senioren (1)'],
      });
      checkbox(h, 'Art', 'PDF').click();
      await waitUntil(() => h.count === '2 Ergebnisse für „wohngeld“', `count was ${h.count}`);
      expect(h.cardTitles.sort()).to.deep.equal(['Merkblatt Wohngeld', 'Wohngeld Antrag']);
      const antrag = h.cards.find((card) => card.hit?.id === 'antrag')!;
      await antrag.updateComplete;
      expect(antrag.shadowRoot!.querySelector('[part="type"]')!.textContent).to.equal('PDF');
      const section = antrag.shadowRoot!.querySelector('[part="section-link"]');
      expect(section?.getAttribute('href')).to.equal('/seiten/antrag#fristen');
      expect(groups(h)['Kategorie']).to.deep.equal([
        'Formular (1)',
        'Information (0), aus',
        'Merkblatt (1)',
        'Statistik (0), aus',
      ]);
    });
  }
});
