/**
 * Test harness for `<hzd-search>` (in the spirit of Material's harnesses): builds indexes from
 * the test documents, renders the element and reads its shadow DOM the way a user perceives it.
 */
import { fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import {
  buildIndex,
  loadIndex,
  type SearchDocument,
  type SearchIndex,
  type SerializedIndex,
} from '../../../src/core/index.js';
import type { HzdResultCard, HzdSearch, SearchState } from '../../../src/index.js';
import '../../../src/index.js';
// What searching needs is loaded on first focus in the page; loaded here up front, the tests see
// the widget answer within one settle() (the built files' lazy loading is tested end to end).
import '../../../src/components/search/session-module.js';
import { DOCS } from './docs.js';

const FIXED_NOW = () => new Date('2026-11-28T12:00:00Z');
const serializedCache = new Map<SearchDocument[], SerializedIndex>();
const indexCache = new Map<SearchDocument[], SearchIndex>();

export function serializedIndex(docs: SearchDocument[] = DOCS): SerializedIndex {
  let serialized = serializedCache.get(docs);
  if (!serialized) {
    serialized = buildIndex(docs, { now: FIXED_NOW });
    serializedCache.set(docs, serialized);
  }
  return serialized;
}

/** A loaded index of `docs` (built once per test file). */
export function testIndex(docs: SearchDocument[] = DOCS): SearchIndex {
  let index = indexCache.get(docs);
  if (!index) {
    index = loadIndex(serializedIndex(docs));
    indexCache.set(docs, index);
  }
  return index;
}

/** A URL that serves the index as a file, for `index-src` (a new URL per call: no shared cache). */
export function indexUrl(docs: SearchDocument[] = DOCS): string {
  const blob = new Blob([JSON.stringify(serializedIndex(docs))], { type: 'application/json' });
  return URL.createObjectURL(blob);
}

/** Lets microtasks, a macrotask and Lit's render cycle run. */
export async function settle(element?: { updateComplete: Promise<unknown> }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await element?.updateComplete;
}

export class SearchHarness {
  constructor(readonly el: HzdSearch) {}

  get root(): ShadowRoot {
    return this.el.shadowRoot!;
  }

  $<E extends Element = HTMLElement>(selector: string): E | null {
    return this.root.querySelector<E>(selector);
  }

  get input(): HTMLInputElement {
    return this.$<HTMLInputElement>('#input')!;
  }

  get listbox(): HTMLElement {
    return this.$('[role="listbox"]')!;
  }

  get options(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>('[role="option"]')];
  }

  get optionTexts(): string[] {
    return this.options.map((option) => option.firstElementChild!.textContent!.trim());
  }

  get expanded(): boolean {
    return this.input.getAttribute('aria-expanded') === 'true';
  }

  /** The option `aria-activedescendant` points to (null if the attribute is absent). */
  get activeOption(): HTMLElement | null {
    const id = this.input.getAttribute('aria-activedescendant');
    return id === null ? null : this.root.getElementById(id);
  }

  get selectedOptions(): HTMLElement[] {
    return this.options.filter((option) => option.getAttribute('aria-selected') === 'true');
  }

  get cards(): HzdResultCard[] {
    return [...this.root.querySelectorAll('hzd-result-card')];
  }

  /** Titles as read: without the soft hyphens that mark where long words may break. */
  get cardTitles(): string[] {
    return this.cards.map((card) =>
      card
        .shadowRoot!.querySelector('h1,h2,h3,h4,h5,h6')!
        .textContent!.replaceAll('\u00ad', '')
        .trim(),
    );
  }

  get count(): string | undefined {
    return this.$('[part="count"]')?.textContent?.trim();
  }

  get state(): SearchState {
    return this.el.state;
  }

  get focused(): Element | null {
    return this.root.activeElement;
  }

  /** Text of the four live regions: polite A, polite B, assertive A, assertive B. */
  get regions(): string[] {
    return ['#status-a', '#status-b', '#alert-a', '#alert-b'].map((id) =>
      this.$(id)!.textContent!.trim(),
    );
  }

  /**
   * Starts recording every text written to a live region, in order (a text repeated in a row
   * counts once). Returns the growing list.
   */
  recordAnnouncements(): string[] {
    const written: string[] = [];
    const observer = new MutationObserver(() => {
      for (const text of this.announced) if (written.at(-1) !== text) written.push(text);
    });
    observer.observe(this.$('#status-a')!.parentElement!, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    return written;
  }

  /** The non-empty live region texts. */
  get announced(): string[] {
    return this.regions.filter(Boolean);
  }

  async type(text: string): Promise<void> {
    if (this.focused !== this.input) this.input.focus();
    await sendKeys({ type: text });
    await settle(this.el);
  }

  /** Types like a person: one key every `interval` ms. */
  async typeSlowly(text: string, interval: number): Promise<void> {
    if (this.focused !== this.input) this.input.focus();
    for (const char of text) {
      await sendKeys({ type: char });
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
    await settle(this.el);
  }

  async press(key: string): Promise<void> {
    await sendKeys({ press: key });
    await settle(this.el);
  }

  /**
   * Presses Enter in the field and tells whether the widget prevented the form's native submit.
   * The navigation itself is always stopped, so the test page stays.
   */
  async submitPrevented(): Promise<boolean> {
    let prevented: boolean | undefined;
    const form = this.$('form')!;
    const listener = (event: Event) => {
      prevented = event.defaultPrevented;
      event.preventDefault();
    };
    form.addEventListener('submit', listener);
    try {
      await this.press('Enter');
    } finally {
      form.removeEventListener('submit', listener);
    }
    if (prevented === undefined) throw new Error('Enter did not submit the form');
    return prevented;
  }

  /** Sets the text at once (for long strings that would take long to type), as a paste would. */
  async fill(text: string): Promise<void> {
    this.input.focus();
    this.input.value = text;
    this.input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await settle(this.el);
  }

  async waitForState(state: SearchState, timeout = 4000): Promise<void> {
    await waitUntil(() => this.el.state === state, `state ${state}, was ${this.el.state}`, {
      timeout,
    });
    await this.el.updateComplete;
  }
}

export async function renderSearch(template: TemplateResult): Promise<SearchHarness> {
  const el = await fixture<HzdSearch>(template);
  await el.updateComplete;
  return new SearchHarness(el);
}
