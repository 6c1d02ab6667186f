/**
 * Progressive enhancement: the light-DOM form works without JavaScript and is taken over by the
 * upgraded element.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { HzdSearch } from '../../src/index.js';
import { SearchHarness, settle, testIndex } from './helpers/harness.js';

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
});
