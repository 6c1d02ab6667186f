/**
 * Progressive enhancement: the light-DOM form works without JavaScript and is taken over by the
 * upgraded element.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { HzdSearch } from '../../src/index.js';
import { renderSearch, SearchHarness, settle, testIndex } from './helpers/harness.js';

const NO_JS_MARKUP = `
  <hzd-search>
    <form action="/suche">
      <label for="q-nojs">Wie können wir Ihnen helfen?</label>
      <input id="q-nojs" name="q" type="search">
      <button>Suchen</button>
    </form>
  </hzd-search>`;

describe('progressive enhancement', () => {
  it('without JavaScript, the light-DOM form is a working server search', async () => {
    const frame = document.createElement('iframe');
    // No allow-scripts: nothing can run in this document, like a visitor without JavaScript.
    frame.setAttribute('sandbox', 'allow-same-origin allow-forms');
    frame.srcdoc = `<!doctype html><html lang="de"><body>${NO_JS_MARKUP}</body></html>`;
    const loaded = new Promise((resolve) =>
      frame.addEventListener('load', resolve, { once: true }),
    );
    document.body.append(frame);
    try {
      await loaded;
      const doc = frame.contentDocument!;
      const input = doc.querySelector('input')!;
      expect(doc.querySelector('hzd-search')!.shadowRoot).to.equal(null);
      expect(input.labels![0]!.textContent).to.equal('Wie können wir Ihnen helfen?');
      expect(input.checkVisibility()).to.equal(true);
      input.value = 'Wohngeld';
      const navigated = new Promise((resolve) =>
        frame.addEventListener('load', resolve, { once: true }),
      );
      doc.querySelector('button')!.click();
      await navigated;
      const url = new URL(frame.contentWindow!.location.href);
      expect(url.pathname).to.equal('/suche');
      expect(url.searchParams.get('q')).to.equal('Wohngeld');
    } finally {
      frame.remove();
    }
  });

  it('once upgraded, it takes the action, label, placeholder and typed text over', async () => {
    const el = await fixture<HzdSearch>(
      html`<hzd-search .index=${testIndex()}>
        <form action="/suche">
          <label for="q-light">Suche im Landesportal</label>
          <input id="q-light" name="q" placeholder="z. B. Wohngeld" value="wohngeld" />
        </form>
      </hzd-search>`,
    );
    const h = new SearchHarness(el);
    await h.waitForState('results');
    const lightForm = el.querySelector('form')!;
    expect(lightForm.checkVisibility(), 'light form hidden').to.equal(false);
    expect(el.querySelector('input')!.checkVisibility()).to.equal(false);
    const form = h.$<HTMLFormElement>('form')!;
    expect(new URL(form.action).pathname).to.equal('/suche');
    expect(h.$('label')!.textContent!.trim()).to.equal('Suche im Landesportal');
    expect(h.input.placeholder).to.equal('z. B. Wohngeld');
    expect(h.input.value).to.equal('wohngeld');
    expect(h.cardTitles).to.deep.equal(['Wohngeld beantragen']);
  });

  it('the upgraded form still submits natively when the index fails', async () => {
    const el = await fixture<HzdSearch>(
      html`<hzd-search index-src="/test/browser/fixtures/missing.json">
        <form action="/suche"><label for="q2">Suche</label><input id="q2" name="q" /></form>
      </hzd-search>`,
    );
    const h = new SearchHarness(el);
    await h.type('wohngeld');
    await h.waitForState('error');
    expect(await h.submitPrevented()).to.equal(false);
    expect(new URL(h.$<HTMLFormElement>('form')!.action).pathname).to.equal('/suche');
  });

  it('fallback-url wins over the light-DOM action', async () => {
    const el = await fixture<HzdSearch>(
      html`<hzd-search fallback-url="/server-suche" .index=${testIndex()}>
        <form action="/suche"><label for="q3">Suche</label><input id="q3" name="q" /></form>
      </hzd-search>`,
    );
    await el.updateComplete;
    const form = el.shadowRoot!.querySelector('form')!;
    expect(new URL(form.action).pathname).to.equal('/server-suche');
  });

  it('picks up a light-DOM form added after the upgrade (parser still running)', async () => {
    const el = await fixture<HzdSearch>(html`<hzd-search .index=${testIndex()}></hzd-search>`);
    expect(el.shadowRoot!.querySelector('form')!.hasAttribute('action')).to.equal(false);
    el.innerHTML =
      '<form action="/spaeter"><label for="q4">Später</label><input id="q4" name="q"></form>';
    await waitUntil(() => el.shadowRoot!.querySelector('form')!.hasAttribute('action'), 'action');
    await settle(el);
    expect(el.shadowRoot!.querySelector('label')!.textContent!.trim()).to.equal('Später');
  });

  describe('late upgrade: the script arrives while the visitor types into the no-JS form', () => {
    let lateTags = 0;

    /** A no-JS form in an element that is not defined yet; defining it is the "late" upgrade. */
    function lateElement(): { host: HTMLElement; field: HTMLInputElement; upgrade(): void } {
      const tag = `hzd-search-late-${++lateTags}`;
      const host = document.createElement(tag);
      host.innerHTML = `<form action="/suche"><label for="late-${lateTags}">Suche</label>
        <input id="late-${lateTags}" name="q" type="search"></form>`;
      document.body.append(host);
      const field = host.querySelector('input')!;
      return {
        host,
        field,
        upgrade: () => {
          const index = testIndex();
          customElements.define(
            tag,
            class extends HzdSearch {
              override connectedCallback() {
                this.index = index;
                super.connectedCallback();
              }
            },
          );
        },
      };
    }

    it('keeps focus in the field, the caret where it was, and every character typed', async () => {
      const { host, field, upgrade } = lateElement();
      try {
        field.focus();
        await sendKeys({ type: 'Perso' });
        field.setSelectionRange(5, 5);
        upgrade();
        const el = host as HzdSearch;
        await el.updateComplete;
        await settle(el);
        const h = new SearchHarness(el);
        expect(document.activeElement, 'focus stays in the widget').to.equal(el);
        expect(h.focused, 'in the search field').to.equal(h.input);
        expect(h.input.selectionStart).to.equal(5);
        await sendKeys({ type: 'nalausweis' });
        await settle(el);
        expect(h.input.value).to.equal('Personalausweis');
        await h.waitForState('results');
        expect(h.count).to.match(/^\d+ Ergebnisse? für „Personalausweis“$/);
      } finally {
        host.remove();
      }
    });

    it('restores a caret in the middle of the text', async () => {
      const { host, field, upgrade } = lateElement();
      try {
        field.focus();
        await sendKeys({ type: 'Reisepss' });
        field.setSelectionRange(6, 6);
        upgrade();
        const el = host as HzdSearch;
        await settle(el);
        const h = new SearchHarness(el);
        expect(h.focused).to.equal(h.input);
        expect([h.input.selectionStart, h.input.selectionEnd]).to.deep.equal([6, 6]);
        await sendKeys({ type: 'a' });
        await settle(el);
        expect(h.input.value).to.equal('Reisepass');
      } finally {
        host.remove();
      }
    });
  });

  describe("the site's server search keeps its own form", () => {
    /** What the shadow form would submit, and how. */
    function submission(h: SearchHarness): { method: string; action: string; fields: string[][] } {
      const form = h.$<HTMLFormElement>('form')!;
      return {
        method: form.method,
        action: new URL(form.action).pathname,
        fields: [...new FormData(form)].map(([name, value]) => [name, String(value)]),
      };
    }

    it("submits with the form's action, method, field name and hidden fields (WordPress, TYPO3)", async () => {
      const el = await fixture<HzdSearch>(
        html`<hzd-search index-src="/test/browser/fixtures/missing.json">
          <form action="/index.php" method="post">
            <input type="hidden" name="id" value="42" />
            <input type="hidden" name="L" value="1" />
            <label for="q5">Suche</label><input id="q5" name="s" type="search" />
          </form>
        </hzd-search>`,
      );
      const h = new SearchHarness(el);
      await h.type('wohngeld');
      await h.waitForState('error');
      expect(await h.submitPrevented()).to.equal(false);
      expect(submission(h)).to.deep.equal({
        method: 'post',
        action: '/index.php',
        fields: [
          ['id', '42'],
          ['L', '1'],
          ['s', 'wohngeld'],
        ],
      });
      const site = new URL(h.$<HTMLAnchorElement>('[part="error"] a')!.href);
      expect(site.pathname).to.equal('/index.php');
      expect([...site.searchParams]).to.deep.equal([
        ['id', '42'],
        ['L', '1'],
        ['s', 'wohngeld'],
      ]);
    });

    it('builds "Alle Ergebnisse" and the no-results link the same way', async () => {
      const el = await fixture<HzdSearch>(
        html`<hzd-search limit="1" .index=${testIndex()}>
          <form action="/suche?site=main">
            <input type="hidden" name="lang" value="de" />
            <label for="q6">Suche</label><input id="q6" name="s" />
          </form>
        </hzd-search>`,
      );
      const h = new SearchHarness(el);
      await h.type('beantragen');
      await h.waitForState('results');
      const all = new URL(h.$<HTMLAnchorElement>('[part="more"]')!.href);
      expect(all.pathname).to.equal('/suche');
      expect([...all.searchParams]).to.deep.equal([
        ['site', 'main'],
        ['lang', 'de'],
        ['s', 'beantragen'],
      ]);
      await h.fill('xyzxyz');
      await h.waitForState('no-results');
      const site = new URL(h.$<HTMLAnchorElement>('section a.action')!.href);
      expect([...site.searchParams]).to.deep.equal([
        ['site', 'main'],
        ['lang', 'de'],
        ['s', 'xyzxyz'],
      ]);
    });

    it('without a form, query-param names the parameter', async () => {
      const h = await renderSearch(
        html`<hzd-search
          fallback-url="/suche"
          query-param="suchbegriff"
          .index=${testIndex()}
        ></hzd-search>`,
      );
      await h.type('xyzxyz');
      await h.waitForState('no-results');
      const site = new URL(h.$<HTMLAnchorElement>('section a.action')!.href);
      expect([...site.searchParams]).to.deep.equal([['suchbegriff', 'xyzxyz']]);
      expect(submission(h).fields).to.deep.equal([['suchbegriff', 'xyzxyz']]);
    });
  });
});
