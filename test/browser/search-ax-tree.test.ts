/**
 * The accessibility tree Chromium exposes to screen readers (read over the DevTools protocol):
 * roles, names, descriptions and the active-descendant relation of the combobox, in the idle,
 * suggestions-open and results states.
 */
import { expect, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { renderSearch, testIndex } from './helpers/harness.js';

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
});
