/**
 * `<hzd-search>`: structure, attributes, states, events and the public API. Keyboard, live
 * regions, index loading, axe and security have their own files in test/browser/.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { HzdSearchEvent, HzdSelectEvent } from '../../events.js';
import type { SearchResults, Suggestions } from '../../core/index.js';
import { DOCS, MANY_DOCS } from '../../../test/browser/helpers/docs.js';
import {
  renderSearch,
  settle,
  testIndex,
  type SearchHarness,
} from '../../../test/browser/helpers/harness.js';

describe('<hzd-search>', () => {
  describe('structure', () => {
    let h: SearchHarness;
    beforeEach(async () => {
      h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
    });

    it('is a search landmark named by its visible label', () => {
      const landmark = h.$('search')!;
      expect(landmark).to.be.instanceOf(Element);
      const label = h.root.getElementById(landmark.getAttribute('aria-labelledby')!)!;
      expect(label.textContent!.trim()).to.equal('Wie können wir Ihnen helfen?');
      expect(label.checkVisibility()).to.equal(true);
    });

    it('names the landmark with an aria-label given to the host, and moves it off the host', async () => {
      const named = await renderSearch(
        html`<hzd-search aria-label="Suche in der Kopfzeile" .index=${testIndex()}></hzd-search>`,
      );
      expect(named.el.hasAttribute('aria-label')).to.equal(false);
      const landmark = named.$('search')!;
      const names = landmark.getAttribute('aria-labelledby')!.split(' ');
      expect(names.map((id) => named.root.getElementById(id)!.textContent)).to.deep.equal([
        'Suche in der Kopfzeile',
      ]);
      expect(named.$<HTMLLabelElement>('label')!.control).to.equal(named.input);
    });

    it('focuses the input when the label is clicked', () => {
      h.$('label')!.click();
      expect(h.focused).to.equal(h.input);
    });

    it('labels the input with the visible label and describes it with the hint', () => {
      const label = h.$<HTMLLabelElement>('label')!;
      expect(label.control).to.equal(h.input);
      const described = h.input.getAttribute('aria-describedby')!.split(' ');
      const texts = described.map((id) => h.root.getElementById(id)!.textContent!.trim());
      expect(texts[0]).to.equal('Geben Sie einen Suchbegriff ein.');
      expect(texts[1]).to.contain('Ergebnisse erscheinen während der Eingabe');
    });

    it('has a search input with the agreed attributes', () => {
      const input = h.input;
      expect(input.type).to.equal('search');
      expect(input.name).to.equal('q');
      expect(input.getAttribute('role')).to.equal('combobox');
      expect(input.getAttribute('aria-autocomplete')).to.equal('list');
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect(input.getAttribute('aria-controls')).to.equal('listbox');
      expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
      expect(input.getAttribute('autocomplete')).to.equal('off');
      expect(input.getAttribute('autocapitalize')).to.equal('off');
      expect(input.getAttribute('enterkeyhint')).to.equal('search');
      expect(input.getAttribute('spellcheck')).to.equal('false');
      expect(input.hasAttribute('placeholder')).to.equal(false);
    });

    it('has a submit button and a named clear button shown only with text', async () => {
      const submit = h.$<HTMLButtonElement>('button[type="submit"]')!;
      expect(submit.textContent!.trim()).to.equal('Suchen');
      const clear = h.$<HTMLButtonElement>('[part="clear"]')!;
      expect(clear.type).to.equal('button');
      expect(clear.getAttribute('aria-label')).to.equal('Eingabe löschen');
      expect(clear.checkVisibility()).to.equal(false);
      await h.type('wo');
      expect(clear.checkVisibility()).to.equal(true);
    });

    it('uses a GET form without action unless a fallback is known', () => {
      const form = h.$<HTMLFormElement>('form')!;
      expect(form.method).to.equal('get');
      expect(form.hasAttribute('action')).to.equal(false);
    });

    it('focus() reaches the input', () => {
      h.el.focus();
      expect(h.focused).to.equal(h.input);
    });

    it('exposes the state as a read-only property', async () => {
      expect(h.el.state).to.equal('idle');
      expect(() => {
        (h.el as unknown as { state: string }).state = 'results';
      }).to.throw(TypeError);
      await h.type('wohn');
      expect(h.el.state).to.equal('results');
    });
  });

  describe('attributes', () => {
    it('reflects its documented attributes with their defaults', async () => {
      const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
      expect(h.el.getAttribute('limit')).to.equal('10');
      expect(h.el.getAttribute('heading-level')).to.equal('2');
      expect(h.el.getAttribute('min-chars')).to.equal('2');
      h.el.fallbackUrl = '/suche';
      h.el.syncUrl = true;
      h.el.theme = 'dark';
      h.el.topics = ['Wohngeld', 'Reisepass'];
      await h.el.updateComplete;
      expect(h.el.getAttribute('fallback-url')).to.equal('/suche');
      expect(h.el.hasAttribute('sync-url')).to.equal(true);
      expect(h.el.getAttribute('theme')).to.equal('dark');
      expect(h.el.getAttribute('topics')).to.equal('Wohngeld, Reisepass');
      h.el.syncUrl = false;
    });

    it('takes label, hint and placeholder from attributes', async () => {
      const h = await renderSearch(
        html`<hzd-search
          .index=${testIndex()}
          label="Suche im Landesportal"
          hint="Zum Beispiel Wohngeld"
          placeholder="Suchbegriff"
        ></hzd-search>`,
      );
      expect(h.$('label')!.textContent!.trim()).to.equal('Suche im Landesportal');
      expect(h.$('#hint')!.textContent!.trim()).to.equal('Zum Beispiel Wohngeld');
      expect(h.input.placeholder).to.equal('Suchbegriff');
    });

    it('speaks English with lang="en"', async () => {
      const h = await renderSearch(html`<hzd-search lang="en" .index=${testIndex()}></hzd-search>`);
      expect(h.$('label')!.textContent!.trim()).to.equal('How can we help you?');
      await h.type('wohn');
      await h.press('Escape');
      expect(h.count).to.equal('3 results for “wohn”');
      expect(h.$('[part="data-date"]')!.textContent!.trim()).to.equal(
        'Data as of November 28, 2026',
      );
    });

    it('follows the closest lang when it has none, and falls back to German', async () => {
      const wrapper = await fixture(
        html`<div lang="en-GB">
          <hzd-search .index=${testIndex()}></hzd-search>
        </div>`,
      );
      const english = wrapper.querySelector('hzd-search')!;
      await english.updateComplete;
      expect(english.shadowRoot!.querySelector('label')!.textContent!.trim()).to.equal(
        'How can we help you?',
      );
      const french = await fixture(html`<div lang="fr"><hzd-search></hzd-search></div>`);
      const search = french.querySelector('hzd-search')!;
      await search.updateComplete;
      expect(search.shadowRoot!.querySelector('label')!.textContent!.trim()).to.equal(
        'Wie können wir Ihnen helfen?',
      );
    });

    it('re-renders when lang changes', async () => {
      const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
      h.el.setAttribute('lang', 'en');
      await h.el.updateComplete;
      expect(h.$('button[type="submit"]')!.textContent!.trim()).to.equal('Search');
    });

    it('lets the host override single strings', async () => {
      const h = await renderSearch(
        html`<hzd-search
          .index=${testIndex()}
          .strings=${{ resultsHeading: 'Treffer', submit: 42 as unknown as string }}
        ></hzd-search>`,
      );
      await h.type('wohn');
      expect(h.$('#results-heading')!.textContent!.trim()).to.equal('Treffer');
      // A value of the wrong type is ignored rather than rendered.
      expect(h.$('button[type="submit"]')!.textContent!.trim()).to.equal('Suchen');
    });

    it('renders the results heading at heading-level and cards one level below', async () => {
      const h = await renderSearch(
        html`<hzd-search heading-level="3" .index=${testIndex()}></hzd-search>`,
      );
      await h.type('wohn');
      expect(h.$('#results-heading')!.localName).to.equal('h3');
      const cardHeading = h.cards[0]!.shadowRoot!.querySelector('#title')!;
      expect(cardHeading.localName).to.equal('h4');
    });

    it('clamps heading-level to 1–6', async () => {
      const h = await renderSearch(
        html`<hzd-search heading-level="9" .index=${testIndex()}></hzd-search>`,
      );
      await h.type('wohn');
      expect(h.$('#results-heading')!.localName).to.equal('h6');
      expect(h.cards[0]!.shadowRoot!.querySelector('#title')!.localName).to.equal('h6');
    });
  });

  describe('states', () => {
    it('idle: shows the curated topics; choosing one searches and keeps focus in the widget', async () => {
      const h = await renderSearch(
        html`<hzd-search topics="Wohngeld, Reisepass" .index=${testIndex()}></hzd-search>`,
      );
      expect(h.state).to.equal('idle');
      expect(h.$('[part="topics"]')!.textContent).to.contain('Häufig gesucht');
      const topics = [...h.root.querySelectorAll<HTMLButtonElement>('[part="topic"]')];
      expect(topics.map((b) => b.textContent!.trim())).to.deep.equal(['Wohngeld', 'Reisepass']);
      const event = oneEvent(h.el, 'hzd-search');
      topics[1]!.focus();
      topics[1]!.click();
      expect((await event).detail).to.deep.equal({ query: 'Reisepass', total: 1, filters: {} });
      await settle(h.el);
      expect(h.input.value).to.equal('Reisepass');
      expect(h.state).to.equal('results');
      expect(h.focused).to.equal(h.input);
    });

    it('typing: asks for more characters below min-chars', async () => {
      const h = await renderSearch(
        html`<hzd-search min-chars="3" .index=${testIndex()}></hzd-search>`,
      );
      await h.type('wo');
      expect(h.state).to.equal('typing');
      expect(h.$('[part="status"]')!.textContent!.trim()).to.equal(
        'Bitte geben Sie mindestens 3 Zeichen ein.',
      );
      expect(h.$('[part="results"]')).to.equal(null);
      await h.type('h');
      expect(h.state).to.equal('results');
    });

    it('results: a labelled region with heading, count and a list of cards', async () => {
      const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
      await h.type('wohn');
      await h.press('Escape');
      const section = h.$('section[part="results"]')!;
      const heading = h.root.getElementById(section.getAttribute('aria-labelledby')!)!;
      expect(heading.localName).to.equal('h2');
      expect(heading.textContent!.trim()).to.equal('Suchergebnisse');
      expect(h.count).to.equal('3 Ergebnisse für „wohn“');
      const list = section.querySelector('ol')!;
      expect(list.getAttribute('role')).to.equal('list');
      expect([...list.children].every((li) => li.localName === 'li')).to.equal(true);
      expect(h.cardTitles).to.deep.equal([
        'Wohngeld beantragen',
        'Wohnberechtigungsschein',
        'Reisepass beantragen',
      ]);
    });

    it('results: singular count for one hit', async () => {
      const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
      await h.type('wohngeld');
      expect(h.count).to.equal('1 Ergebnis für „wohngeld“');
    });

    it('no results: says so, offers "Meinten Sie", ways out and no empty list', async () => {
      const h = await renderSearch(
        html`<hzd-search
          .index=${testIndex()}
          fallback-url="/suche"
          contact-url="/kontakt"
          topics="Wohngeld"
        ></hzd-search>`,
      );
      await h.type('wohnegld');
      expect(h.state).to.equal('no-results');
      expect(h.count).to.equal('Keine Ergebnisse für „wohnegld“.');
      expect(h.$('ol')).to.equal(null);
      const correction = h.$('[part="correction"]')!;
      expect(correction.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Meinten Sie Wohngeld?');
      const links = [...h.root.querySelectorAll<HTMLAnchorElement>('section a')];
      expect(links.map((a) => a.textContent!.trim())).to.deep.equal([
        'Auf der gesamten Website suchen',
        'Kontakt aufnehmen',
      ]);
      expect(new URL(links[0]!.href).pathname).to.equal('/suche');
      expect(new URL(links[0]!.href).searchParams.get('q')).to.equal('wohnegld');
      expect(links[1]!.getAttribute('href')).to.equal('/kontakt');
      expect(h.$('[part="topics"]')).to.be.instanceOf(Element);

      correction.querySelector('button')!.click();
      await settle(h.el);
      expect(h.input.value).to.equal('Wohngeld');
      expect(h.state).to.equal('results');
      expect(h.focused).to.equal(h.input);
    });

    it('shows the Datenstand of the index and ties it to the results region', async () => {
      const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
      const date = h.$('[part="data-date"]')!;
      expect(date.textContent!.trim()).to.equal('Datenstand: 28. November 2026');
      expect(date.checkVisibility()).to.equal(true);
      await h.type('wohn');
      expect(h.$('section')!.getAttribute('aria-describedby')).to.equal(date.id);
    });

    it('never shows an exception: a throwing source becomes the error state', async () => {
      const source = {
        search(): SearchResults {
          throw new Error('boom');
        },
        suggest: (): Suggestions => ({ completions: [] }),
      };
      const h = await renderSearch(html`<hzd-search .index=${source}></hzd-search>`);
      const error = oneEvent(h.el, 'hzd-error');
      await h.type('wohn');
      expect((await error).detail.code).to.equal('search-failed');
      expect(h.state).to.equal('error');
      expect(h.$('[part="error"]')!.textContent).to.contain('derzeit nicht verfügbar');
    });
  });

  describe('more results', () => {
    it('a "Weitere Ergebnisse" button adds the next hits and focuses the first new one', async () => {
      const h = await renderSearch(
        html`<hzd-search limit="5" .index=${testIndex(MANY_DOCS)}></hzd-search>`,
      );
      await h.type('antrag');
      await h.press('Enter');
      expect(h.count).to.equal('14 Ergebnisse für „antrag“');
      expect(h.cards).to.have.length(5);
      const more = h.$<HTMLButtonElement>('button[part="more"]')!;
      expect(more.textContent!.trim()).to.equal('Weitere Ergebnisse anzeigen');
      more.focus();
      more.click();
      await waitUntil(() => h.cards.length === 10, 'ten cards');
      await waitUntil(() => h.focused === h.cards[5], 'focus on the sixth card');
      expect(h.cards[5]!.shadowRoot!.activeElement!.localName).to.equal('a');
      expect(h.announced).to.deep.equal(['5 weitere Ergebnisse geladen.']);
    });

    it('links to all results on the site search when fallback-url is set', async () => {
      const h = await renderSearch(
        html`<hzd-search
          limit="5"
          fallback-url="/suche?bereich=alle"
          .index=${testIndex(MANY_DOCS)}
        ></hzd-search>`,
      );
      await h.type('antrag');
      const link = h.$<HTMLAnchorElement>('a[part="more"]')!;
      expect(link.textContent!.trim()).to.equal('Alle 14 Ergebnisse anzeigen');
      const url = new URL(link.href);
      expect(url.pathname).to.equal('/suche');
      expect(url.searchParams.get('bereich')).to.equal('alle');
      expect(url.searchParams.get('q')).to.equal('antrag');
    });

    it('shows no paging control when every hit is shown', async () => {
      const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
      await h.type('wohn');
      expect(h.$('[part="more"]')).to.equal(null);
    });
  });

  describe('API and events', () => {
    it('search(query) fills the input, shows results and fires hzd-search', async () => {
      const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
      const event = oneEvent(h.el, 'hzd-search');
      const results = await h.el.search('Personalausweis');
      const { detail } = (await event) as HzdSearchEvent;
      expect(detail).to.deep.equal({
        query: 'Personalausweis',
        total: results!.total,
        filters: {},
      });
      expect(results!.hits[0]!.title).to.equal('Personalausweis beantragen');
      await h.el.updateComplete;
      expect(h.input.value).to.equal('Personalausweis');
      expect(h.cardTitles[0]).to.equal('Personalausweis beantragen');
      expect(h.cards).to.have.length(results!.hits.length);
      expect(h.expanded).to.equal(false);
    });

    it('hzd-search bubbles and is composed', async () => {
      const wrapper = await fixture(
        html`<div><hzd-search .index=${testIndex()}></hzd-search></div>`,
      );
      const event = oneEvent(wrapper, 'hzd-search');
      void wrapper.querySelector('hzd-search')!.search('Elterngeld');
      const fired = await event;
      expect(fired.bubbles && fired.composed).to.equal(true);
      expect(fired.cancelable).to.equal(false);
    });

    it('a result link fires a cancelable hzd-select with the hit and query', async () => {
      const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
      await h.type('reisepass');
      let selected: HzdSelectEvent | undefined;
      h.el.addEventListener('hzd-select', (event) => {
        selected = event;
        event.preventDefault(); // A single-page app routes itself.
      });
      const before = window.location.href;
      h.cards[0]!.shadowRoot!.querySelector('a')!.click();
      expect(selected!.detail.hit.id).to.equal('reisepass');
      expect(selected!.detail.url).to.equal('#reisepass');
      expect(selected!.detail.query).to.equal('reisepass');
      expect(window.location.href).to.equal(before);
    });

    it('clear button empties the field, returns focus to it and goes idle', async () => {
      const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
      await h.type('wohn');
      const clear = h.$<HTMLButtonElement>('[part="clear"]')!;
      clear.focus();
      clear.click();
      await settle(h.el);
      expect(h.input.value).to.equal('');
      expect(h.focused).to.equal(h.input);
      expect(h.state).to.equal('idle');
      expect(h.$('[part="results"]')).to.equal(null);
    });

    it('dark theme applies only when the host opts in', async () => {
      const light = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
      const dark = await renderSearch(
        html`<hzd-search theme="dark" .index=${testIndex()}></hzd-search>`,
      );
      expect(getComputedStyle(light.el).backgroundColor).to.equal('rgb(255, 255, 255)');
      expect(getComputedStyle(dark.el).backgroundColor).to.equal('rgb(22, 27, 34)');
    });

    it('host CSS custom properties theme the widget', async () => {
      const h = await renderSearch(
        html`<hzd-search
          style="--hzd-color-accent: rgb(0, 90, 40)"
          .index=${testIndex()}
        ></hzd-search>`,
      );
      const submit = h.$('[part="submit"]')!;
      expect(getComputedStyle(submit).backgroundColor).to.equal('rgb(0, 90, 40)');
    });
  });

  describe('sync-url', () => {
    let original: string;
    beforeEach(() => {
      original = window.location.href;
    });
    afterEach(() => {
      window.history.replaceState(window.history.state, '', original);
    });

    it('runs the ?q= of the page URL on connect', async () => {
      const url = new URL(original);
      url.searchParams.set('q', 'Elterngeld');
      window.history.replaceState(window.history.state, '', url);
      const h = await renderSearch(html`<hzd-search sync-url .index=${testIndex()}></hzd-search>`);
      await h.waitForState('results');
      expect(h.input.value).to.equal('Elterngeld');
      expect(h.cardTitles).to.deep.equal(['Elterngeld']);
    });

    it('writes a submitted search to ?q= (replaceState, no new history entry)', async () => {
      const h = await renderSearch(html`<hzd-search sync-url .index=${testIndex()}></hzd-search>`);
      const length = window.history.length;
      await h.type('reisepass');
      await h.press('Enter');
      expect(new URL(window.location.href).searchParams.get('q')).to.equal('reisepass');
      expect(window.history.length).to.equal(length);
      await h.press('Escape'); // Clears the field.
      await waitUntil(() => !new URL(window.location.href).searchParams.has('q'), 'q removed', {
        timeout: 3000,
      });
    });

    it('leaves the URL alone without the attribute', async () => {
      const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
      await h.type('reisepass');
      await h.press('Enter');
      expect(window.location.href).to.equal(original);
    });
  });

  describe('races', () => {
    it('fast typing against a slow, out-of-order source shows only the final text', async () => {
      const index = testIndex();
      // Earlier (shorter) queries answer later, so stale answers arrive after newer ones.
      const source = {
        search: (query: string, options?: { limit?: number; prefix?: boolean }) =>
          new Promise<SearchResults>((resolve) =>
            setTimeout(() => resolve(index.search(query, options)), 200 - query.length * 20),
          ),
        suggest: (query: string) => index.suggest(query),
      };
      const h = await renderSearch(html`<hzd-search .index=${source}></hzd-search>`);
      const mismatches: string[] = [];
      const observer = new MutationObserver(() => {
        const count = h.count;
        const text = h.input.value.trim();
        if (count && !count.includes(`„${text}“`)) mismatches.push(`${count} while "${text}"`);
      });
      observer.observe(h.root, { subtree: true, childList: true, characterData: true });
      await h.type('wohngeld');
      await h.waitForState('results');
      await new Promise((resolve) => setTimeout(resolve, 250));
      observer.disconnect();
      expect(mismatches).to.deep.equal([]);
      expect(h.count).to.equal('1 Ergebnis für „wohngeld“');
      expect(h.cardTitles).to.deep.equal(['Wohngeld beantragen']);
    });

    it('results of a cleared text never come back', async () => {
      const index = testIndex();
      const source = {
        search: (query: string) =>
          new Promise<SearchResults>((resolve) =>
            setTimeout(() => resolve(index.search(query)), 100),
          ),
        suggest: () => ({ completions: [] }),
      };
      const h = await renderSearch(html`<hzd-search .index=${source}></hzd-search>`);
      await h.type('wohn');
      await h.press('Escape'); // Clears (the popup is not open yet).
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(h.state).to.equal('idle');
      expect(h.cards).to.have.length(0);
    });
  });

  it('says which words the results lack when no document has them all', async () => {
    const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
    await h.fill('Personalausweis Zauberstab');
    await h.press('Enter');
    // The session module may still be on its way on a loaded machine.
    await h.waitForState('results');
    expect(h.$('[part="missing"]')!.textContent!.trim()).to.equal('Ergebnisse ohne: Zauberstab');
    expect(h.announced[0]).to.contain('Ergebnisse ohne: Zauberstab.');
    await h.fill('Personalausweis');
    await h.press('Enter');
    await h.waitForState('results');
    expect(h.$('[part="missing"]')).to.equal(null);
  });

  describe('"Meinten Sie …?" stays', () => {
    const correction = (h: SearchHarness) =>
      h.$('[part="correction"]')?.textContent?.replace(/\s+/g, ' ').trim();

    it('after Enter', async () => {
      const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
      await h.type('wohnegld');
      expect(correction(h)).to.equal('Meinten Sie Wohngeld?');
      await h.press('Enter');
      expect(h.state).to.equal('no-results');
      expect(correction(h)).to.equal('Meinten Sie Wohngeld?');
    });

    it('after search()', async () => {
      const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
      await h.el.search('wohnegld');
      await settle(h.el);
      expect(correction(h)).to.equal('Meinten Sie Wohngeld?');
    });

    it('after a topic button', async () => {
      const h = await renderSearch(
        html`<hzd-search topics="Wohnegld" .index=${testIndex()}></hzd-search>`,
      );
      h.$<HTMLButtonElement>('[part="topic"]')!.click();
      await waitUntil(() => h.state === 'no-results', 'searched');
      await settle(h.el);
      expect(correction(h)).to.equal('Meinten Sie Wohngeld?');
    });

    it('after ?q= with sync-url', async () => {
      const original = window.location.href;
      const url = new URL(original);
      url.searchParams.set('q', 'wohnegld');
      window.history.replaceState(window.history.state, '', url);
      try {
        const h = await renderSearch(
          html`<hzd-search sync-url .index=${testIndex()}></hzd-search>`,
        );
        await waitUntil(() => h.state === 'no-results', 'searched');
        await settle(h.el);
        expect(correction(h)).to.equal('Meinten Sie Wohngeld?');
      } finally {
        window.history.replaceState(window.history.state, '', original);
      }
    });
  });

  describe('asynchronous sources', () => {
    /** The test index, answering after `ms` like a worker or a server. */
    function slowSource(ms: number) {
      const index = testIndex();
      const later = <T>(value: T) =>
        new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
      return {
        dataDate: index.dataDate,
        search: (query: string, options?: { limit?: number; prefix?: boolean }) =>
          later(index.search(query, options)),
        suggest: (query: string) => later(index.suggest(query)),
      };
    }

    it('keep the previous results on screen until the next arrive, marked busy (no flicker)', async () => {
      const h = await renderSearch(html`<hzd-search .index=${slowSource(30)}></hzd-search>`);
      await h.type('be');
      await h.waitForState('results');
      let framesWithoutList = 0;
      let framesBusy = 0;
      let sampling = true;
      const sample = () => {
        if (!sampling) return;
        if (!h.$('[part="list"]') || h.$('[part="status"]')) framesWithoutList++;
        if (h.$('[part="results"]')?.getAttribute('aria-busy') === 'true') framesBusy++;
        requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
      await h.typeSlowly('antragen', 60);
      await h.waitForState('results');
      await new Promise((resolve) => setTimeout(resolve, 100));
      sampling = false;
      expect(framesWithoutList, 'frames without the list').to.equal(0);
      expect(framesBusy, 'stale results are marked busy').to.be.above(0);
      expect(h.$('[part="results"]')!.hasAttribute('aria-busy')).to.equal(false);
    });

    it('show "Suche läuft …" only while a search runs and nothing is on screen yet', async () => {
      const h = await renderSearch(html`<hzd-search .index=${slowSource(200)}></hzd-search>`);
      await h.type('wohn');
      expect(h.$('[part="status"]')!.textContent!.trim()).to.equal('Suche läuft …');
      await h.waitForState('results');
      expect(h.$('[part="status"]')).to.equal(null);
    });
  });

  describe('IME composition', () => {
    it('searches the composed text after a pause, even if the composition never ends', async () => {
      const h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
      h.input.focus();
      h.input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
      for (const text of ['w', 'wo', 'woh', 'wohn']) {
        h.input.value = text;
        h.input.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true }));
        await settle(h.el);
        expect(h.$('[part="status"]')?.textContent ?? '', 'no search is running').to.not.contain(
          'Suche läuft',
        );
      }
      await h.waitForState('results');
      expect(h.count).to.equal('3 Ergebnisse für „wohn“');
    });
  });

  it('uses every document of the shared fixture', () => {
    // Guards the other assertions in this file against a silently shrunken fixture.
    expect(testIndex().documentCount).to.equal(DOCS.length);
  });
});
