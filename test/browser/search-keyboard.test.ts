/**
 * The keyboard matrix of /work/shared/docs/accessibility.md §A4 (APG "list autocomplete with
 * manual selection"), one test per row, named by the row number. DOM focus stays in the input
 * throughout; "active" is the option `aria-activedescendant` points to.
 */
import { expect, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { HzdSelectEvent } from '../../src/index.js';
import { renderSearch, settle, testIndex, type SearchHarness } from './helpers/harness.js';

describe('keyboard (APG list autocomplete)', () => {
  let h: SearchHarness;
  let selects: HzdSelectEvent[];
  let searches: string[];
  let originalUrl: string;

  beforeEach(async () => {
    originalUrl = window.location.href;
    h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
    selects = [];
    searches = [];
    h.el.addEventListener('hzd-select', (event) => selects.push(event));
    h.el.addEventListener('hzd-search', (event) => searches.push(event.detail.query));
  });

  afterEach(() => {
    window.history.replaceState(window.history.state, '', originalUrl);
  });

  /** After each key: focus in the input, activedescendant absent or resolving, ≤ 1 selected. */
  function expectConsistent(): void {
    expect(h.focused, 'DOM focus stays in the input').to.equal(h.input);
    const id = h.input.getAttribute('aria-activedescendant');
    if (id !== null) {
      expect(h.expanded).to.equal(true);
      expect(h.root.getElementById(id), `#${id} exists`).to.be.instanceOf(Element);
      expect(h.selectedOptions).to.deep.equal([h.activeOption]);
    } else {
      expect(h.selectedOptions).to.have.length(0);
    }
    expect(h.listbox.hidden).to.equal(!h.expanded);
  }

  async function openWithWohn(): Promise<void> {
    await h.type('wohn');
    // Under load the last keystroke's answer can come a task later than settle() waits.
    await h.waitForState('results');
    expect(h.expanded).to.equal(true);
    expect(h.options.length).to.be.greaterThan(2);
    expect(h.activeOption).to.equal(null);
  }

  it('15: Tab and Shift+Tab: listbox and options are not tab stops; Tab closes without choosing', async () => {
    await openWithWohn();
    await h.press('ArrowDown');
    expect(h.listbox.hasAttribute('tabindex')).to.equal(false);
    expect(h.options.every((option) => !option.hasAttribute('tabindex'))).to.equal(true);

    await h.press('Tab');
    expect(h.focused).to.equal(h.$('[part="clear"]'));
    expect(h.expanded).to.equal(false);
    expect(h.input.hasAttribute('aria-activedescendant')).to.equal(false);
    expect(h.input.value).to.equal('wohn');
    expect(selects).to.have.length(0);

    await h.press('Shift+Tab');
    expect(h.focused).to.equal(h.input);
    expect(h.expanded).to.equal(false);
  });

  it('15: Tab order is input → clear → submit → first result link → second, and out (no trap)', async () => {
    await h.type('wohn');
    // Cards are what the order runs through: wait for them on a loaded machine.
    await h.waitForState('results');
    const after = document.createElement('button');
    after.textContent = 'after';
    document.body.append(after);
    try {
      await h.press('Tab');
      expect(h.focused).to.equal(h.$('[part="clear"]'));
      await h.press('Tab');
      expect(h.focused).to.equal(h.$('[part="submit"]'));
      await h.press('Tab');
      expect(h.focused).to.equal(h.cards[0]);
      expect(h.cards[0]!.shadowRoot!.activeElement!.localName).to.equal('a');
      await h.press('Tab');
      expect(h.focused).to.equal(h.cards[1]);
      await h.press('Tab');
      await h.press('Tab');
      expect(document.activeElement).to.equal(after);
    } finally {
      after.remove();
    }
  });

  it('16: ArrowDown on a closed list with suggestions opens it and activates the first option', async () => {
    await openWithWohn();
    await h.press('Escape');
    expect(h.expanded).to.equal(false);
    await h.press('ArrowDown');
    expect(h.expanded).to.equal(true);
    expect(h.activeOption).to.equal(h.options[0]);
    expect(h.activeOption!.getAttribute('aria-selected')).to.equal('true');
    expectConsistent();
  });

  it('16: ArrowDown on an open list moves to the next option and wraps from the last to the first', async () => {
    await openWithWohn();
    const count = h.options.length;
    for (let i = 0; i < count; i++) {
      await h.press('ArrowDown');
      expect(h.activeOption).to.equal(h.options[i]);
      expectConsistent();
    }
    await h.press('ArrowDown');
    expect(h.activeOption).to.equal(h.options[0]);
    expectConsistent();
  });

  it('16b: ArrowUp on an open list moves to the previous option and wraps to the last', async () => {
    await openWithWohn();
    const last = h.options.at(-1);
    await h.press('ArrowUp');
    expect(h.activeOption).to.equal(last);
    await h.press('ArrowUp');
    expect(h.activeOption).to.equal(h.options.at(-2));
    await h.press('ArrowDown');
    await h.press('ArrowDown');
    expect(h.activeOption).to.equal(h.options[0]);
    await h.press('ArrowUp');
    expect(h.activeOption).to.equal(last);
    expectConsistent();
  });

  it('16b: ArrowUp on a closed list opens it and activates the last option', async () => {
    await openWithWohn();
    await h.press('Escape');
    await h.press('ArrowUp');
    expect(h.expanded).to.equal(true);
    expect(h.activeOption).to.equal(h.options.at(-1));
    expectConsistent();
  });

  it('16c: Alt+ArrowDown opens without activating; Alt+ArrowUp closes', async () => {
    await openWithWohn();
    await h.press('Escape');
    await h.press('Alt+ArrowDown');
    expect(h.expanded).to.equal(true);
    expect(h.activeOption).to.equal(null);
    expectConsistent();
    await h.press('Alt+ArrowUp');
    expect(h.expanded).to.equal(false);
    expect(h.input.value).to.equal('wohn');
    expectConsistent();
  });

  it('17: Enter on an active completion writes it, closes the list and searches', async () => {
    await openWithWohn();
    const index = h.optionTexts.indexOf('Wohngeld');
    expect(index).to.be.at.least(0);
    for (let i = 0; i <= index; i++) await h.press('ArrowDown');
    await h.press('Enter');
    expect(h.input.value).to.equal('Wohngeld');
    expect(h.expanded).to.equal(false);
    expect(searches).to.deep.equal(['Wohngeld']);
    expect(h.cardTitles).to.deep.equal(['Wohngeld beantragen']);
    expect(selects).to.have.length(0);
    expect(window.location.href).to.equal(originalUrl);
    expectConsistent();
  });

  it('17: Enter on an active page suggestion fires hzd-select and opens the page', async () => {
    await openWithWohn();
    await h.press('ArrowUp');
    await h.press('ArrowUp');
    await h.press('ArrowUp'); // The first of the three page suggestions.
    expect(h.activeOption!.textContent).to.contain('Seite');
    await h.press('Enter');
    expect(selects).to.have.length(1);
    expect(selects[0]!.detail.hit.url).to.equal('#wohngeld');
    expect(selects[0]!.detail.url).to.equal('#wohngeld');
    expect(selects[0]!.detail.section).to.equal(undefined);
    expect(selects[0]!.detail.query).to.equal('wohn');
    expect(selects[0]!.cancelable).to.equal(true);
    expect(window.location.hash).to.equal('#wohngeld');
  });

  it('17: a canceled hzd-select keeps the page (single-page apps route themselves)', async () => {
    h.el.addEventListener('hzd-select', (event) => event.preventDefault());
    await openWithWohn();
    await h.press('ArrowUp');
    await h.press('Enter');
    expect(selects).to.have.length(1);
    expect(window.location.href).to.equal(originalUrl);
    expect(h.expanded).to.equal(false);
  });

  it('17: Enter without an active option submits: results for the whole word, no navigation', async () => {
    await openWithWohn();
    await h.press('Enter');
    expect(h.expanded).to.equal(false);
    expect(searches).to.deep.equal(['wohn']);
    expect(window.location.href).to.equal(originalUrl);
    expect(h.state).to.equal('results');
    // Submitted, the last word is no longer completed as a prefix.
    expect(h.count).to.equal(
      `${testIndex().search('wohn', { prefix: false }).total} Ergebnisse für „wohn“`,
    );
    expectConsistent();
  });

  it('18: Escape on an open list closes it and keeps the text', async () => {
    await openWithWohn();
    await h.press('ArrowDown');
    await h.press('Escape');
    expect(h.expanded).to.equal(false);
    expect(h.input.value).to.equal('wohn');
    expect(h.state).to.equal('results');
    expectConsistent();
  });

  it('18: Escape on a closed list clears the text', async () => {
    await openWithWohn();
    await h.press('Escape');
    await h.press('Escape');
    expect(h.input.value).to.equal('');
    expect(h.state).to.equal('idle');
    expectConsistent();
  });

  it('18: Escape is handled by the widget, not by the browser (preventDefault)', async () => {
    await openWithWohn();
    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    h.input.dispatchEvent(escape);
    expect(escape.defaultPrevented).to.equal(true);
  });

  it('19: Home and End move the caret and hand visual focus back to the text', async () => {
    await openWithWohn();
    await h.press('ArrowDown');
    await h.press('Home');
    expect(h.input.selectionStart).to.equal(0);
    expect(h.activeOption).to.equal(null);
    expect(h.expanded).to.equal(true);
    await h.press('ArrowDown');
    await h.press('End');
    expect(h.input.selectionStart).to.equal(4);
    expect(h.activeOption).to.equal(null);
    expectConsistent();
  });

  it('19: Left and Right move the caret and deactivate the option', async () => {
    await openWithWohn();
    await h.press('ArrowDown');
    await h.press('ArrowLeft');
    expect(h.input.selectionStart).to.equal(3);
    expect(h.activeOption).to.equal(null);
    await h.press('ArrowDown');
    await h.press('ArrowRight');
    expect(h.input.selectionStart).to.equal(4);
    expect(h.activeOption).to.equal(null);
    expectConsistent();
  });

  it('19: Backspace and characters edit the text and deactivate the option', async () => {
    await openWithWohn();
    await h.press('ArrowDown');
    await h.press('Backspace');
    expect(h.input.value).to.equal('woh');
    expect(h.activeOption).to.equal(null);
    await h.press('ArrowDown');
    await h.type('n');
    expect(h.input.value).to.equal('wohn');
    expect(h.activeOption).to.equal(null);
    expectConsistent();
  });

  it('20: keys during IME composition are left to the IME (Enter neither chooses nor submits)', async () => {
    await openWithWohn();
    await h.press('ArrowDown');
    const active = h.activeOption;
    const enter = new KeyboardEvent('keydown', {
      key: 'Enter',
      bubbles: true,
      cancelable: true,
      isComposing: true,
    });
    h.input.dispatchEvent(enter);
    const down = new KeyboardEvent('keydown', {
      key: 'ArrowDown',
      bubbles: true,
      cancelable: true,
      isComposing: true,
    });
    h.input.dispatchEvent(down);
    await settle(h.el);
    expect(enter.defaultPrevented).to.equal(false);
    expect(down.defaultPrevented).to.equal(false);
    expect(h.activeOption).to.equal(active);
    expect(selects).to.have.length(0);
    expect(searches).to.have.length(0);
  });

  it('20: no search while composing; the committed text is searched', async () => {
    h.input.focus();
    h.input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    h.input.value = 'wohng';
    h.input.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true }));
    await settle(h.el);
    expect(h.state).to.equal('typing');
    expect(h.cards).to.have.length(0);
    h.input.value = 'wohngeld';
    h.input.dispatchEvent(
      new CompositionEvent('compositionend', { bubbles: true, data: 'wohngeld' }),
    );
    await settle(h.el);
    expect(h.state).to.equal('results');
    expect(h.count).to.equal('1 Ergebnis für „wohngeld“');
  });

  it('21: the pointer can rest on an option without closing the list; a click chooses it', async () => {
    await openWithWohn();
    const option = h.options.find((o) => o.textContent!.includes('Wohngeld'))!;
    const rect = option.getBoundingClientRect();
    const position: [number, number] = [
      Math.round(rect.left + rect.width / 2),
      Math.round(rect.top + rect.height / 2),
    ];
    try {
      await sendMouse({ type: 'move', position });
      await settle(h.el);
      expect(h.expanded).to.equal(true);
      expect(h.focused).to.equal(h.input);
      await sendMouse({ type: 'click', position });
      await settle(h.el);
      expect(h.focused).to.equal(h.input);
      expect(h.input.value).to.equal('Wohngeld');
      expect(h.expanded).to.equal(false);
      expect(searches).to.deep.equal(['Wohngeld']);
    } finally {
      await resetMouse();
    }
  });

  it('27: arrowing through every option never changes context', async () => {
    await openWithWohn();
    for (let i = 0; i < h.options.length * 2; i++) {
      await sendKeys({ press: i % 3 === 2 ? 'ArrowUp' : 'ArrowDown' });
      await settle(h.el);
      expectConsistent();
    }
    expect(window.location.href).to.equal(originalUrl);
    expect(selects).to.have.length(0);
    expect(searches).to.have.length(0);
    expect(h.input.value).to.equal('wohn');
  });

  it('new options reset the active option (its id would point elsewhere)', async () => {
    await openWithWohn();
    await h.press('ArrowDown');
    await h.press('ArrowDown');
    await h.type('g');
    expect(h.input.hasAttribute('aria-activedescendant')).to.equal(false);
    expect(h.selectedOptions).to.have.length(0);
    expectConsistent();
  });

  it('keeps the active option scrolled into view', async () => {
    await setViewport({ width: 800, height: 320 });
    try {
      await openWithWohn();
      expect(h.listbox.scrollHeight).to.be.greaterThan(h.listbox.clientHeight);
      await h.press('ArrowUp');
      const list = h.listbox.getBoundingClientRect();
      const option = h.activeOption!.getBoundingClientRect();
      expect(option.top).to.be.at.least(list.top - 1);
      expect(option.bottom).to.be.at.most(list.bottom + 1);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
