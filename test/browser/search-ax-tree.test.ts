/**
 * The accessibility tree Chromium exposes to screen readers (read over the DevTools protocol):
 * roles, names, descriptions and the active-descendant relation of the combobox, in the idle,
 * suggestions-open and results states.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { renderSearch, SearchHarness, testIndex } from './helpers/harness.js';
import type { HzdSearch } from '../../src/index.js';

interface AxNode {
  role: string;
  name: string;
  description: string;
  properties: Record<string, unknown>;
}

const axTree = () => executeServerCommand<AxNode[], undefined>('ax-tree');
const find = (nodes: AxNode[], role: string) => nodes.filter((node) => node.role === role);

describe('<hzd-search> in the accessibility tree', () => {
  it('is a named search landmark with a labelled, described combobox', async () => {
    const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
    const nodes = await axTree();
    const [landmark] = find(nodes, 'search');
    expect(landmark?.name).to.equal('Wie können wir Ihnen helfen?');
    const [combobox] = find(nodes, 'combobox');
    expect(combobox?.name).to.equal('Wie können wir Ihnen helfen?');
    expect(combobox?.description).to.contain('Geben Sie einen Suchbegriff ein.');
    expect(combobox?.properties['expanded']).to.equal(false);
    expect(find(nodes, 'button').map((button) => button.name)).to.include('Suchen');
    expect(h.state).to.equal('idle');
  });

  it('points aria-activedescendant at the named, selected option', async () => {
    const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
    h.input.focus();
    await h.type('wohn');
    await h.press('ArrowDown');
    const nodes = await axTree();
    const [combobox] = find(nodes, 'combobox');
    expect(combobox?.properties['expanded']).to.equal(true);
    const active = h.activeOption!;
    expect(combobox?.properties['activedescendant']).to.deep.equal([active.textContent!.trim()]);
    const [listbox] = find(nodes, 'listbox');
    expect(listbox?.name).to.equal('Vorschläge');
    const selected = find(nodes, 'option').filter(
      (option) => option.properties['selected'] === true,
    );
    expect(selected.map((option) => option.name)).to.deep.equal([active.textContent!.trim()]);
  });

  it('gives results a heading and each card a heading with one link', async () => {
    const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
    h.input.focus();
    await h.type('Wohngeld');
    await h.press('Enter');
    await h.waitForState('results');
    const nodes = await axTree();
    const headings = find(nodes, 'heading').map((heading) => heading.name);
    expect(headings).to.include('Suchergebnisse');
    for (const title of h.cardTitles) expect(headings).to.include(title);
    const links = find(nodes, 'link').map((link) => link.name);
    for (const title of h.cardTitles)
      expect(links.filter((name) => name === title)).to.have.length(1);
    // The list is not a live region: only the status regions are.
    const [list] = find(nodes, 'list');
    expect(list?.properties['live']).to.equal(undefined);
  });

  describe('two search boxes on one page', () => {
    const names = (nodes: AxNode[], role: string) => find(nodes, role).map((node) => node.name);

    it('get distinct landmark and region names from their nearest headings', async () => {
      const page = await fixture(
        html`<div>
          <h2>Suche im Portal</h2>
          <hzd-search .index=${testIndex()}></hzd-search>
          <h2>Suche im Archiv</h2>
          <hzd-search .index=${testIndex()}></hzd-search>
        </div>`,
      );
      const boxes = [...page.querySelectorAll<HzdSearch>('hzd-search')];
      for (const box of boxes) {
        await box.updateComplete;
        const h = new SearchHarness(box);
        await h.fill('wohn');
        await h.press('Escape');
      }
      const nodes = await axTree();
      expect(names(nodes, 'search')).to.deep.equal([
        'Wie können wir Ihnen helfen? (Suche im Portal)',
        'Wie können wir Ihnen helfen? (Suche im Archiv)',
      ]);
      expect(names(nodes, 'region')).to.deep.equal([
        'Suchergebnisse (Suche im Portal)',
        'Suchergebnisse (Suche im Archiv)',
      ]);
    });

    it('are numbered when no heading tells them apart, and lose the number alone', async () => {
      const page = await fixture(
        html`<div>
          <hzd-search .index=${testIndex()}></hzd-search>
          <hzd-search .index=${testIndex()}></hzd-search>
        </div>`,
      );
      const boxes = [...page.querySelectorAll<HzdSearch>('hzd-search')];
      await Promise.all(boxes.map((box) => box.updateComplete));
      expect(names(await axTree(), 'search')).to.deep.equal([
        'Wie können wir Ihnen helfen? (Suche 1)',
        'Wie können wir Ihnen helfen? (Suche 2)',
      ]);
      boxes[1]!.remove();
      await boxes[0]!.updateComplete;
      expect(names(await axTree(), 'search')).to.deep.equal(['Wie können wir Ihnen helfen?']);
    });
  });
});
