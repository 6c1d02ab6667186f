/**
 * Live-region announcements (accessibility.md §A5): the AnnouncerController's timing with a
 * fake clock, then the widget's contract in the browser (real timers, generous bounds).
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AnnouncerController } from '../../src/controllers/announcer-controller.js';
import { renderSearch, settle, testIndex, type SearchHarness } from './helpers/harness.js';

/** A manual clock: timers run only when the test advances time. */
class FakeClock {
  now = 0;
  private timers: { at: number; callback: () => void; id: number }[] = [];
  private nextId = 1;
  setTimer = (callback: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.timers.push({ at: this.now + ms, callback, id });
    return id;
  };
  clearTimer = (id: unknown): void => {
    this.timers = this.timers.filter((timer) => timer.id !== id);
  };
  tick(ms: number): void {
    this.now += ms;
    const due = this.timers.filter((timer) => timer.at <= this.now);
    this.timers = this.timers.filter((timer) => timer.at > this.now);
    for (const timer of due) timer.callback();
  }
}

class FakeHost implements ReactiveControllerHost {
  updates = 0;
  controllers: ReactiveController[] = [];
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates++;
  }
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

describe('AnnouncerController', () => {
  let clock: FakeClock;
  let host: FakeHost;
  let speak: boolean;
  let announcer: AnnouncerController;

  beforeEach(() => {
    clock = new FakeClock();
    host = new FakeHost();
    speak = true;
    announcer = new AnnouncerController(host, {
      delay: 1000,
      canSpeak: () => speak,
      setTimer: clock.setTimer,
      clearTimer: clock.clearTimer,
    });
  });

  it('starts with four empty regions', () => {
    expect(announcer.regions).to.deep.equal({ polite: ['', ''], assertive: ['', ''] });
  });

  it('writes a polite message only after the debounce', () => {
    announcer.announce('3 Ergebnisse für „wohn“');
    clock.tick(999);
    expect(announcer.regions.polite).to.deep.equal(['', '']);
    clock.tick(1);
    expect(announcer.regions.polite).to.deep.equal(['3 Ergebnisse für „wohn“', '']);
    expect(host.updates).to.be.greaterThan(0);
  });

  it('a new message restarts the debounce and replaces the pending one', () => {
    announcer.announce('5 Ergebnisse für „wo“');
    clock.tick(600);
    announcer.announce('1 Ergebnis für „wohngeld“');
    clock.tick(600);
    expect(announcer.regions.polite).to.deep.equal(['', '']);
    clock.tick(400);
    expect(announcer.regions.polite).to.deep.equal(['1 Ergebnis für „wohngeld“', '']);
  });

  it('alternates between A and B so the same text is read again', () => {
    announcer.announce('1 Ergebnis für „wohngeld“');
    clock.tick(1000);
    announcer.announce('1 Ergebnis für „wohngeld“');
    clock.tick(1000);
    expect(announcer.regions.polite).to.deep.equal(['', '1 Ergebnis für „wohngeld“']);
    announcer.announce('1 Ergebnis für „wohngeld“');
    clock.tick(1000);
    expect(announcer.regions.polite).to.deep.equal(['1 Ergebnis für „wohngeld“', '']);
  });

  it('writes at once with delay 0 and empties the other politeness', () => {
    announcer.announce('3 Ergebnisse', { delay: 0 });
    announcer.announce('Keine Ergebnisse für „xy“.', { politeness: 'assertive', delay: 0 });
    expect(announcer.regions.assertive).to.deep.equal(['Keine Ergebnisse für „xy“.', '']);
    expect(announcer.regions.polite).to.deep.equal(['', '']);
  });

  it('drops a due message when it may not speak (focus has left)', () => {
    announcer.announce('3 Ergebnisse');
    speak = false;
    clock.tick(1000);
    expect(announcer.regions.polite).to.deep.equal(['', '']);
    expect(announcer.pendingMessage).to.equal(undefined);
  });

  it('clear() cancels the pending message and empties all regions', () => {
    announcer.announce('eins', { delay: 0 });
    announcer.announce('zwei');
    announcer.clear();
    clock.tick(2000);
    expect(announcer.regions).to.deep.equal({ polite: ['', ''], assertive: ['', ''] });
  });

  it('stops when the host disconnects', () => {
    announcer.announce('3 Ergebnisse');
    announcer.hostDisconnected();
    clock.tick(2000);
    expect(announcer.regions.polite).to.deep.equal(['', '']);
  });
});

describe('<hzd-search> announcements', () => {
  let h: SearchHarness;
  /** Every text written to a live region, in order. */
  let written: string[];

  beforeEach(async () => {
    h = await renderSearch(html`<hzd-search .index=${testIndex()}></hzd-search>`);
    written = h.recordAnnouncements();
  });

  it('renders the live regions from the start: empty, atomic, hidden only visually', () => {
    const regions = ['#status-a', '#status-b', '#alert-a', '#alert-b'].map((id) => h.$(id)!);
    expect(regions.map((r) => r.getAttribute('role') ?? r.getAttribute('aria-live'))).to.deep.equal(
      ['status', 'status', 'assertive', 'assertive'],
    );
    for (const region of regions) {
      expect(region.textContent!.trim()).to.equal('');
      expect(region.getAttribute('aria-atomic')).to.equal('true');
      const style = getComputedStyle(region.parentElement!);
      expect(style.display).to.not.equal('none');
      expect(style.visibility).to.equal('visible');
    }
  });

  it('announces the count politely once typing pauses (about a second)', async () => {
    const start = performance.now();
    await h.type('wohn');
    expect(h.announced, 'nothing while typing').to.deep.equal([]);
    await waitUntil(() => h.announced.length > 0, 'announcement', { timeout: 3000 });
    const elapsed = performance.now() - start;
    expect(elapsed).to.be.within(900, 3000);
    expect(h.regions).to.deep.equal([
      `3 Ergebnisse für „wohn“. ${h.options.length} Vorschläge verfügbar.`,
      '',
      '',
      '',
    ]);
  });

  it('says how many suggestions are open, with the count (GOV.UK style)', async () => {
    await h.type('wohn');
    expect(h.expanded).to.equal(true);
    expect(h.options.length).to.be.above(1);
    await waitUntil(() => h.announced.length > 0, 'announcement', { timeout: 3000 });
    expect(h.announced[0]).to.match(/^3 Ergebnisse für „wohn“\. (\d+) Vorschläge verfügbar\.$/);
    expect(h.announced[0]).to.contain(`${h.options.length} Vorschläge`);
  });

  it('says no suggestion count once the list is closed', async () => {
    await h.type('wohn');
    await h.press('Escape');
    expect(h.expanded).to.equal(false);
    await h.press('Enter');
    await waitUntil(() => h.announced.length > 0, 'announcement', { timeout: 3000 });
    expect(h.announced).to.deep.equal(['3 Ergebnisse für „wohn“']);
  });

  it('uses the singular for one result', async () => {
    await h.type('wohngeld');
    await waitUntil(() => h.announced.length > 0, 'announcement', { timeout: 3000 });
    expect(h.announced[0]).to.match(/^1 Ergebnis für „wohngeld“\./);
  });

  it('says only the final count after fast typing', async () => {
    await h.type('wohngeld');
    await waitUntil(() => h.announced.length > 0, 'announcement', { timeout: 3000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(written).to.have.length(1);
    expect(written[0]).to.match(/^1 Ergebnis für „wohngeld“/);
  });

  it('says the same count again through the other region', async () => {
    await h.type('wohngeld');
    await waitUntil(() => h.regions[0] !== '', 'region A', { timeout: 3000 });
    const first = h.regions[0];
    await h.press('Backspace');
    await h.type('d');
    await waitUntil(() => h.regions[1] !== '', 'region B', { timeout: 3000 });
    expect(h.regions).to.deep.equal(['', first, '', '']);
  });

  it('typing at 150 ms a key: one polite count at the end, no "no results" on the way', async () => {
    await h.typeSlowly('Personalausweis', 150);
    await waitUntil(() => h.announced.length > 0, 'announcement', { timeout: 3000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(written).to.have.length(1);
    expect(written[0]).to.match(/^\d+ Ergebnisse? für „Personalausweis“/);
    expect(h.regions[2]! + h.regions[3]!, 'nothing assertive').to.equal('');
  });

  it('while typing, "no results" waits for the pause and is polite', async () => {
    await h.type('wohnegld');
    expect(h.state).to.equal('no-results');
    expect(h.announced, 'not at once').to.deep.equal([]);
    await waitUntil(() => h.announced.length > 0, 'announcement', { timeout: 3000 });
    expect(h.regions[2]! + h.regions[3]!, 'nothing assertive').to.equal('');
    expect(h.regions[0]).to.equal('Keine Ergebnisse für „wohnegld“. Meinten Sie Wohngeld?');
  });

  it('Enter says "no results" at once, with help and the correction', async () => {
    await h.type('wohnegld');
    await h.press('Enter');
    expect(h.announced).to.deep.equal([
      'Keine Ergebnisse für „wohnegld“. Bitte prüfen Sie die Schreibweise oder versuchen Sie einen anderen Begriff. Meinten Sie Wohngeld?',
    ]);
    expect(h.regions[2]! + h.regions[3]!, 'nothing assertive').to.equal('');
  });

  it('asks for more characters (politely, debounced)', async () => {
    await h.type('w');
    expect(h.announced).to.deep.equal([]);
    await waitUntil(() => h.announced.length > 0, 'announcement', { timeout: 3000 });
    expect(h.announced).to.deep.equal(['Bitte geben Sie mindestens 2 Zeichen ein.']);
  });

  it('says nothing once focus has left the widget', async () => {
    await h.type('wohn');
    const outside = document.createElement('button');
    document.body.append(outside);
    try {
      outside.focus();
      await new Promise((resolve) => setTimeout(resolve, 1400));
      expect(h.announced).to.deep.equal([]);
    } finally {
      outside.remove();
    }
  });

  it('empties the regions when the text is cleared', async () => {
    await h.type('wohnegld');
    await waitUntil(() => h.announced.length > 0, 'announcement', { timeout: 3000 });
    await h.press('Escape');
    expect(h.input.value).to.equal('');
    expect(h.announced).to.deep.equal([]);
  });

  it('says nothing after a page suggestion was chosen', async () => {
    h.el.addEventListener('hzd-select', (event) => event.preventDefault());
    await h.type('wohngeld');
    await h.press('ArrowUp');
    await h.press('Enter');
    await new Promise((resolve) => setTimeout(resolve, 1400));
    expect(h.announced).to.deep.equal([]);
  });

  it('never makes the results list live', async () => {
    await h.type('wohn');
    const results = h.$('[part="results"]')!;
    expect(results.closest('[aria-live]')).to.equal(null);
    expect(results.querySelector('[aria-live], [role="status"], [role="alert"]')).to.equal(null);
  });

  it('announces in English with lang="en"', async () => {
    h.el.setAttribute('lang', 'en');
    await settle(h.el);
    await h.type('wohn');
    await waitUntil(() => h.announced.length > 0, 'announcement', { timeout: 3000 });
    expect(h.announced).to.deep.equal([
      `3 results for “wohn”. ${h.options.length} suggestions available.`,
    ]);
  });
});

describe('<hzd-search document-announcer>', () => {
  const documentRegions = () =>
    [...document.querySelectorAll('[data-hzd-announcer] > *')].map((r) => r.textContent ?? '');

  it('has page-level regions before the first message, hidden only visually', async () => {
    await renderSearch(html`<hzd-search document-announcer .index=${testIndex()}></hzd-search>`);
    const container = document.querySelector<HTMLElement>('[data-hzd-announcer]')!;
    const regions = [...container.children];
    expect(regions.map((r) => r.getAttribute('aria-live'))).to.deep.equal([
      'polite',
      'polite',
      'assertive',
      'assertive',
    ]);
    expect(documentRegions()).to.deep.equal(['', '', '', '']);
    expect(container.getBoundingClientRect().width).to.be.at.most(1);
    expect(getComputedStyle(container).display).to.not.equal('none');
  });

  it('speaks counts and "no results" from the page, not from the shadow root', async () => {
    const h = await renderSearch(
      html`<hzd-search document-announcer .index=${testIndex()}></hzd-search>`,
    );
    await h.type('wohngeld');
    await waitUntil(() => documentRegions().join('') !== '', 'announcement', { timeout: 3000 });
    expect(documentRegions()[0]).to.match(/^1 Ergebnis für „wohngeld“/);
    expect(documentRegions().slice(1)).to.deep.equal(['', '', '']);
    expect(h.announced).to.deep.equal([]);
    await h.fill('wohnegld');
    await h.press('Enter');
    expect(documentRegions().join('')).to.contain('Keine Ergebnisse');
    expect(h.announced).to.deep.equal([]);
  });
});
