import { html, LitElement, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { SearchResults, Suggestions } from '../../core/types.js';
import { isSafeUrl } from '../../core/url.js';
import { AnnouncerController } from '../../controllers/announcer-controller.js';
import { documentLiveRegions } from '../../controllers/document-live-regions.js';
import { ComboboxController } from '../../controllers/combobox-controller.js';
import { loadIndexFromUrl, toErrorDetail } from '../../controllers/index-source.js';
import { SearchController, type SearchSource } from '../../controllers/search-controller.js';
import { loadDefaultIndex } from '../../default-index.js';
import { hzdEvent, type HzdErrorDetail } from '../../events.js';
import {
  formatDate,
  languageOf,
  resolveStrings,
  type HzdLanguage,
  type HzdStrings,
} from '../../i18n/index.js';
import { headingLevel } from '../shared/heading.js';
import { tokens } from '../shared/tokens.styles.js';
import {
  registerInstance,
  renameInstances,
  unregisterInstance,
  type InstanceName,
  type NamedInstance,
} from './instance-names.js';
import { lightInput, readLightForm, type LightForm } from './light-form.js';
import { searchStyles } from './search.styles.js';
import { suggestionOptions, type SuggestionOption } from './suggestion-options.js';
import {
  dataDateView,
  errorView,
  missingWords,
  resultsView,
  statusView,
  topicsView,
  type ViewContext,
} from './search-views.js';
import { QUERY_PARAM, readUrlQuery, writeUrlQuery, type ServerSearch } from './url-sync.js';

export type SearchState = 'idle' | 'loading' | 'typing' | 'results' | 'no-results' | 'error';

/** Results on screen, always with the text they were found for. */
interface Shown {
  query: string;
  results: SearchResults;
  suggestions: Suggestions;
  /** Submitted (Enter, button, completion …) rather than found while typing. */
  committed: boolean;
}

type RunReason = 'typing' | 'commit' | 'more';

/** `topics="Wohngeld, Personalausweis"` ⇄ `['Wohngeld', 'Personalausweis']`. */
const listConverter = {
  fromAttribute: (value: string | null): string[] =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  toAttribute: (value: string[]): string | null =>
    Array.isArray(value) && value.length ? value.join(', ') : null,
};

/** Waiting this long after the last key before `?q=` follows the text (see `sync-url`). */
const URL_SYNC_DELAY = 1000;
/**
 * While an IME composes, the text is searched after this pause. Android keyboards may keep a
 * whole word in composition and never end it, so waiting for `compositionend` is not enough.
 */
const COMPOSITION_SEARCH_DELAY = 300;

/** Where the caret was in the no-JS form's field when the element upgraded. */
interface CaretState {
  start: number | null;
  end: number | null;
  direction: 'forward' | 'backward' | 'none' | null;
}

const searchIcon = svg`<path d="M10 2a8 8 0 0 1 6.32 12.9l5.39 5.4-1.42 1.4-5.39-5.38A8 8 0 1 1 10 2Zm0 2a6 6 0 1 0 0 12 6 6 0 0 0 0-12Z"/>`;
const clearIcon = svg`<path d="M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4Z"/>`;

/**
 * Site search for German state websites: a search landmark with a visible label, an editable
 * combobox with suggestions (APG "list autocomplete", DOM focus stays in the input) and, below
 * it, a results region with `<hzd-result-card>`s that update as the visitor types.
 *
 * The index is loaded lazily on first focus or input: from `index-src`, from the `index`
 * property, or else the bundled cooperation index. Several instances share one loaded index per
 * URL. Counts are announced through pre-rendered, double-buffered live regions once typing pauses;
 * "no results" and errors at once. Without JavaScript, a light-DOM `<form>` inside the element
 * works as a server search; the element takes its `action`, label and text over.
 *
 * @summary Accessible as-you-type site search with suggestions and result cards.
 * @tag hzd-search
 *
 * @fires {HzdSearchEvent} hzd-search - A search was submitted (Enter, the button, a completion, a
 *   topic, "Meinten Sie" or `search()`); detail `{ query, total }`. --bubbles --composed
 * @fires {HzdSelectEvent} hzd-select - A hit was chosen (a result link or a page suggestion);
 *   detail `{ hit, query }`. Cancelable: `preventDefault()` stops the navigation so a single-page
 *   app can route. --bubbles --composed
 * @fires {HzdErrorEvent} hzd-error - The index could not be loaded or a search failed; detail
 *   `{ code, message }`. --bubbles --composed
 *
 * @slot - A `<form action="…"><label>…</label><input name="q"></form>` for visitors without
 *   JavaScript. It is not rendered once the element is upgraded.
 *
 * @csspart base - The wrapper of everything.
 * @csspart search - The `<search>` landmark.
 * @csspart form - The form.
 * @csspart label - The visible label.
 * @csspart hint - The hint below the label.
 * @csspart input - The search field.
 * @csspart clear - The clear button.
 * @csspart submit - The submit button.
 * @csspart listbox - The suggestion list.
 * @csspart option - A suggestion; `option-active` is added to the active one.
 * @csspart status - The visible status text (loading, searching, text too short).
 * @csspart error - The error message box.
 * @csspart results - The results region.
 * @csspart results-heading - The heading of the results region.
 * @csspart count - "12 Ergebnisse für …" / "Keine Ergebnisse für …".
 * @csspart missing - "Ergebnisse ohne: …", when no result has every word of the query.
 * @csspart list - The list of result cards.
 * @csspart more - The "Weitere Ergebnisse" button or "Alle Ergebnisse" link.
 * @csspart correction - The "Meinten Sie …?" paragraph.
 * @csspart topics - The "Häufig gesucht" block.
 * @csspart topic - A topic button.
 * @csspart data-date - "Datenstand: …".
 * @csspart card - A result card's `<article>` (also heading, link, title, snippet, mark, meta).
 *
 * @cssprop [--hzd-font-family=system-ui, …] - Font family.
 * @cssprop [--hzd-color-text=#1b1f24] - Text colour.
 * @cssprop [--hzd-color-text-muted=#4b5561] - Hints, metadata, status text.
 * @cssprop [--hzd-color-background=#ffffff] - Background.
 * @cssprop [--hzd-color-surface=#f2f4f7] - Active option, hover and error box background.
 * @cssprop [--hzd-color-accent=#004b87] - Submit button, links, active option border.
 * @cssprop [--hzd-color-on-accent=#ffffff] - Text on the accent colour.
 * @cssprop [--hzd-color-focus=#004b87] - Focus ring (3:1 against the background).
 * @cssprop [--hzd-color-mark-background=#ffe066] - Background of matched words.
 * @cssprop [--hzd-color-mark-text=#1b1f24] - Colour of matched words.
 * @cssprop [--hzd-color-border=#5f6b78] - Borders of the field, list and cards (3:1).
 * @cssprop [--hzd-color-error=#a4001d] - Error text and bar.
 * @cssprop [--hzd-radius=0.25rem] - Corner radius.
 * @cssprop [--hzd-space=1rem] - Base spacing.
 * @cssprop [--hzd-padding=0] - Padding around the widget.
 * @cssprop [--hzd-focus-width=3px] - Width of the focus ring (at least 2px).
 * @cssprop [--hzd-label-size=1.25rem] - Font size of the label.
 * @cssprop [--hzd-heading-size=1.25rem] - Font size of section headings.
 */
export class HzdSearch extends LitElement {
  static override styles = [tokens, searchStyles];

  // No `delegatesFocus`: it would move focus to the input on every click into the results
  // (selecting text, clicking the count). `focus()` below reaches the input instead.

  static override get observedAttributes(): string[] {
    // `lang` stays the native, reflected attribute; it only needs to trigger a re-render.
    // `aria-label` on the host is moved to the landmark (see attributeChangedCallback).
    return [...super.observedAttributes, 'lang', 'aria-label'];
  }

  /** Visible label of the search field. Default: "Wie können wir Ihnen helfen?". */
  @property({ reflect: true }) label?: string;

  /** Hint below the label. Default: "Geben Sie einen Suchbegriff ein.". */
  @property({ reflect: true }) hint?: string;

  /** Placeholder of the field (never a replacement for the label). */
  @property({ reflect: true }) placeholder?: string;

  /** URL of a prebuilt index (JSON). Without it (and without `index`), the bundled index is used. */
  @property({ attribute: 'index-src', reflect: true }) indexSrc?: string;

  /** Results shown at once (1–100). */
  @property({ type: Number, reflect: true }) limit = 10;

  /** Level of the results heading (1–6); result titles are one level below. */
  @property({ type: Number, attribute: 'heading-level', reflect: true }) headingLevel = 2;

  /** Characters needed before results appear as you type (Enter searches anyway). */
  @property({ type: Number, attribute: 'min-chars', reflect: true }) minChars = 2;

  /**
   * The site's server search: the form's `action` (used when the index cannot load), "Alle
   * Ergebnisse" and the way out of "no results". Default: the light-DOM form's `action`.
   */
  @property({ attribute: 'fallback-url', reflect: true }) fallbackUrl?: string;

  /** A contact page, offered when nothing was found. */
  @property({ attribute: 'contact-url', reflect: true }) contactUrl?: string;

  /** Keep `?q=` of the page URL in sync, so searches can be linked and survive a reload. */
  @property({ type: Boolean, attribute: 'sync-url', reflect: true }) syncUrl = false;

  /** `dark`, or `auto` to follow the system's colour scheme; light otherwise. */
  @property({ reflect: true }) theme?: 'light' | 'dark' | 'auto';

  /** Curated "Häufig gesucht" topics, shown before anything is typed (comma-separated). */
  @property({ converter: listConverter, reflect: true }) topics: string[] = [];

  /**
   * Speak announcements from live regions in the page's document instead of the element's shadow
   * root, for screen reader and browser combinations that miss live regions in shadow DOM.
   */
  @property({ type: Boolean, attribute: 'document-announcer', reflect: true })
  documentAnnouncer = false;

  /** Milliseconds before loading `index-src` counts as failed. */
  @property({ type: Number, attribute: 'index-timeout', reflect: true }) indexTimeout = 15_000;

  /**
   * Name of the query parameter of the server search (and of `sync-url`). Default: the name of
   * the light-DOM form's search field, else `q`.
   */
  @property({ attribute: 'query-param', reflect: true }) queryParam?: string;

  /**
   * The index to search: a `SearchIndex` from `loadIndex`, or anything with `search()` and
   * `suggest()` (synchronous or returning promises). Setting it skips loading.
   */
  @property({ attribute: false }) index?: SearchSource;

  /** Overrides of single strings, e.g. `{ resultsHeading: 'Treffer' }`. */
  @property({ attribute: false }) strings?: Partial<HzdStrings>;

  @state() private value = '';
  @state() private shown?: Shown;
  @state() private loadedSource?: SearchSource;
  @state() private loadPending = false;
  @state() private error?: HzdErrorDetail & { during: 'load' | 'search' };
  @state() private options: SuggestionOption[] = [];
  @state() private visibleLimit = 10;
  @state() private light: LightForm = {};
  @state() private landmarkLabel?: string;
  /** A search has been started and has not answered yet. */
  @state() private searching = false;
  /** Set by the registry of search boxes on the page (see instance-names.ts). */
  @state() private instanceNameSource?: InstanceName;

  @query('#input') private input?: HTMLInputElement;

  private readonly searches = new SearchController();
  private readonly combobox = new ComboboxController(this, {
    accept: (index) => this.accept(index),
    clear: () => this.clearText(),
    isEmpty: () => !this.value,
  });
  private readonly announcer = new AnnouncerController(this, {
    // Nothing is said once focus has left the widget (the visitor moved on).
    canSpeak: () => this.matches(':focus-within'),
    useDocumentRegions: () => this.documentAnnouncer,
  });
  private ready?: Promise<SearchSource | undefined>;
  private loadGeneration = 0;
  private abort?: AbortController;
  private composing = false;
  private compositionTimer?: ReturnType<typeof setTimeout>;
  private disconnectTimer?: ReturnType<typeof setTimeout>;
  /** A load was given up because the element left the page; it restarts when it returns. */
  private interruptedLoad = false;
  /** The visitor was typing into the no-JS form when the element upgraded. */
  private upgradeCaret?: CaretState;
  private readonly naming: NamedInstance = {
    element: this,
    baseName: () => this.landmarkLabel ?? this.label ?? this.light.label ?? this.text.label,
    rename: (name) => (this.instanceNameSource = name),
  };
  private urlTimer?: ReturnType<typeof setTimeout>;
  private lightObserver?: MutationObserver;
  private scrolledTo?: string;

  /** What the widget shows: `idle`, `loading`, `typing`, `results`, `no-results` or `error`. */
  get state(): SearchState {
    if (this.error) return 'error';
    if (this.loadPending) return 'loading';
    const text = this.query;
    if (!text) return 'idle';
    if (this.shown?.query === text) return this.shown.results.total > 0 ? 'results' : 'no-results';
    return 'typing';
  }

  /**
   * The index being searched once it is loaded: the `index` property, else the one loaded from
   * `index-src` or the bundled one. Undefined while loading or after a failure.
   */
  get loadedIndex(): SearchSource | undefined {
    return this.source;
  }

  /** Focuses the search field. */
  override focus(options?: FocusOptions): void {
    if (this.input) this.input.focus(options);
    else super.focus(options);
  }

  /**
   * Searches for `query` as if the visitor had typed it and pressed Enter: loads the index if
   * needed, shows the results and fires `hzd-search`. Resolves to the results, or undefined if
   * the search could not run (error state, empty query, or superseded by newer input).
   */
  async search(query: string): Promise<SearchResults | undefined> {
    this.value = String(query ?? '');
    this.resetForNewText();
    return this.commit();
  }

  override connectedCallback(): void {
    // Before the shadow root exists: the no-JS field is still the one with focus.
    this.captureLightFocus();
    super.connectedCallback();
    this.readLight();
    clearTimeout(this.disconnectTimer);
    registerInstance(this.naming);
    if (this.interruptedLoad) {
      this.interruptedLoad = false;
      this.ensureSource();
    }
    // The parser may not have added the light-DOM form yet when a classic script upgrades us.
    this.lightObserver = new MutationObserver(() => this.readLight());
    this.lightObserver.observe(this, { childList: true, subtree: true, attributes: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.lightObserver?.disconnect();
    clearTimeout(this.urlTimer);
    clearTimeout(this.compositionTimer);
    unregisterInstance(this.naming);
    if (this.loadPending) {
      // Moving the element (remove, then insert) disconnects and reconnects it in one task: the
      // load goes on. Only an element that stays out of the page gives its load up, and starts it
      // again if it comes back.
      this.disconnectTimer = setTimeout(() => {
        if (this.isConnected || !this.loadPending) return;
        this.resetSource();
        this.interruptedLoad = true;
      });
    }
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null) {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
    if (name === 'aria-label' && value !== null) {
      // The host is a generic element, which ARIA does not let be named, and its name would be
      // announced on top of the landmark's. The name a page gives (e.g. to tell two search boxes
      // apart) belongs to the search landmark. The input keeps its visible label (WCAG 2.5.3).
      this.landmarkLabel = value.trim() || undefined;
      this.removeAttribute('aria-label');
    }
  }

  protected override firstUpdated(): void {
    // After the first render, not during it (Lit warns about changes within an update).
    void this.updateComplete.then(() => this.startFromUrlOrLightForm());
  }

  private startFromUrlOrLightForm(): void {
    const fromUrl = this.syncUrl ? readUrlQuery(this.queryParamName) : undefined;
    if (fromUrl) {
      void this.search(fromUrl);
      return;
    }
    // Text typed into the no-JS form before the upgrade, read now rather than when the element
    // connected: keys typed in between are part of it.
    const typed = lightInput(this)?.value ?? '';
    if (this.upgradeCaret && this.input) {
      // The visitor was typing: the field they were in is gone, so focus and caret move to ours
      // in the same task, before another key can be lost (WCAG 2.4.3).
      const caret = this.upgradeCaret;
      this.upgradeCaret = undefined;
      this.value = typed;
      this.input.value = typed;
      this.input.focus();
      if (caret.start !== null && caret.end !== null) {
        this.input.setSelectionRange(caret.start, caret.end, caret.direction ?? undefined);
      }
    } else if (typed && !this.value) {
      this.value = typed;
    } else {
      return;
    }
    if (this.value) this.textChanged();
  }

  private captureLightFocus(): void {
    if (this.hasUpdated) return;
    const field = lightInput(this);
    if (!field || document.activeElement !== field) return;
    this.upgradeCaret = {
      start: field.selectionStart,
      end: field.selectionEnd,
      direction: field.selectionDirection,
    };
  }

  // ---- Naming among several instances -------------------------------------------------------

  /** The suffix that tells this box apart from others on the page, in the UI language. */
  private get instanceName(): string | undefined {
    const name = this.instanceNameSource;
    if (!name) return undefined;
    return 'heading' in name ? name.heading : this.text.instanceName(name.position);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('limit')) this.visibleLimit = this.pageSize;
    // Regions must be in the page before the first message is written into them.
    if (changed.has('documentAnnouncer') && this.documentAnnouncer) documentLiveRegions();
    if (!this.hasUpdated) return;
    if (changed.has('index') || (changed.has('indexSrc') && !this.index)) {
      this.resetSource();
      if (this.query) this.textChanged();
    } else if ((changed.has('limit') || changed.has('minChars')) && this.query) {
      this.textChanged();
    }
    const changedAny = changed as Map<PropertyKey, unknown>;
    if (changedAny.has('label') || changedAny.has('landmarkLabel') || changedAny.has('light')) {
      renameInstances();
    }
  }

  protected override updated(): void {
    // The field's text follows `value` whenever they differ, also after the visitor typed (a
    // property binding would compare with what it last rendered, not with the field). Equal
    // text is left alone, so the caret stays where it is.
    if (this.input && this.input.value !== this.value) this.input.value = this.value;
    // Browsers keep real focus visible, not virtual focus: scroll the active option into view
    // for magnifier and zoom users (APG). `block: 'nearest'` scrolls no more than needed.
    const id = this.combobox.activeId;
    if (id && id !== this.scrolledTo) {
      this.renderRoot.querySelector(`#${id}`)?.scrollIntoView({ block: 'nearest' });
    }
    this.scrolledTo = id;
  }

  // ---- Derived values ---------------------------------------------------------------------

  private get query(): string {
    return this.value.trim();
  }

  private get lang_(): HzdLanguage {
    return languageOf(this);
  }

  /** Language of the index's text: its own, else German (the content this widget is for). */
  private get contentLang(): string {
    const language = this.source?.language;
    return typeof language === 'string' && language.trim() ? language.trim() : 'de';
  }

  private get queryParamName(): string {
    return this.queryParam?.trim() || this.light.inputName || QUERY_PARAM;
  }

  private get text(): HzdStrings {
    return resolveStrings(this.lang_, this.strings);
  }

  private get source(): SearchSource | undefined {
    return this.index ?? this.loadedSource;
  }

  private get pageSize(): number {
    const limit = Math.trunc(Number(this.limit));
    return Number.isFinite(limit) && limit >= 1 ? Math.min(limit, 100) : 10;
  }

  private get minLength(): number {
    const min = Math.trunc(Number(this.minChars));
    return Number.isFinite(min) && min >= 1 ? min : 1;
  }

  /** The server search: `fallback-url`, else the light-DOM form's action; only if safe. */
  private get fallback(): string | undefined {
    const url = (this.fallbackUrl ?? this.light.action)?.trim();
    return url && isSafeUrl(url) ? url : undefined;
  }

  /** The server search as the site's own form submits it: field name and hidden fields. */
  private get serverSearch(): ServerSearch | undefined {
    const url = this.fallback;
    if (!url) return undefined;
    return { url, param: this.queryParamName, hidden: this.light.hidden };
  }

  private get inputFocused(): boolean {
    const root = this.renderRoot as ShadowRoot;
    return !!this.input && root.activeElement === this.input;
  }

  // ---- Loading the index --------------------------------------------------------------------

  /** Starts loading the index unless there is one (or a load is running or has failed). */
  private ensureSource(): void {
    if (this.source || this.loadPending || this.error?.during === 'load') return;
    this.ready = this.load();
  }

  private async load(): Promise<SearchSource | undefined> {
    const generation = ++this.loadGeneration;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.loadPending = true;
    this.error = undefined;
    // Said only if loading takes longer than the debounce.
    this.announceLoading();
    try {
      const options = { signal: abort.signal, timeout: this.indexTimeout };
      const source = this.indexSrc
        ? await loadIndexFromUrl(this.indexSrc, options)
        : await loadDefaultIndex(options);
      if (generation !== this.loadGeneration) return undefined;
      this.loadedSource = source;
      this.loadPending = false;
      this.announcer.cancel();
      if (this.query) this.textChanged();
      return source;
    } catch (error) {
      if (generation !== this.loadGeneration) return undefined;
      this.loadPending = false;
      this.fail(toErrorDetail(error), 'load');
      return undefined;
    }
  }

  /** Forgets the loaded index (new `index` or `index-src`) and stops a running load. */
  private resetSource(): void {
    this.loadGeneration++;
    this.abort?.abort();
    this.abort = undefined;
    this.ready = undefined;
    this.loadedSource = undefined;
    this.loadPending = false;
    this.error = undefined;
    this.shown = undefined;
    this.cancelSearch();
  }

  /**
   * "Die Suche wird geladen …", once per load. Typing during the load must neither repeat it nor
   * leave a stale hint ("mindestens 2 Zeichen") pending for text that is long enough by now.
   */
  private announceLoading(): void {
    const message = this.text.loading;
    if (this.announcer.pendingMessage === message) return;
    if (this.announcer.lastMessage === message) this.announcer.cancel();
    else this.announcer.announce(message);
  }

  private cancelSearch(): void {
    this.searches.cancel();
    this.searching = false;
  }

  // ---- Searching ----------------------------------------------------------------------------

  /** The text no longer matches what is shown: drop suggestions and paging. */
  private resetForNewText(): void {
    this.visibleLimit = this.pageSize;
    this.options = [];
    this.combobox.setOptions(0, false);
    if (this.error?.during === 'search') this.error = undefined;
  }

  /** Reacts to new text (typing, clear, programmatic): as-you-type search. */
  private textChanged(): void {
    this.resetForNewText();
    this.scheduleUrlSync();
    const text = this.query;
    if (!text) {
      this.cancelSearch();
      this.shown = undefined;
      this.announcer.clear();
      return;
    }
    this.ensureSource();
    if (this.error) return;
    if (text.length < this.minLength) {
      this.cancelSearch();
      this.announcer.announce(this.text.tooShort(this.minLength));
      return;
    }
    if (this.source) void this.run('typing');
    // Otherwise the index is loading; `load` continues with the current text.
    else this.announceLoading();
  }

  /** Submits the current text: results without suggestions, `hzd-search`, `?q=`. */
  private async commit(): Promise<SearchResults | undefined> {
    const text = this.query;
    this.combobox.close();
    if (!text) {
      this.cancelSearch();
      this.shown = undefined;
      return undefined;
    }
    this.ensureSource();
    if (this.error?.during === 'load') {
      this.announcer.announce(this.text.error, { politeness: 'assertive', delay: 0 });
      return undefined;
    }
    if (!this.source) await this.ready;
    if (!this.source || text !== this.query) return undefined;
    return this.run('commit');
  }

  private async run(reason: RunReason): Promise<SearchResults | undefined> {
    const source = this.source;
    if (!source) return undefined;
    const text = this.query;
    const committed = reason === 'commit' || (reason === 'more' && !!this.shown?.committed);
    const before = this.shown?.results.hits.length ?? 0;
    const previousSuggestions = this.shown?.suggestions;
    this.searching = true;
    const outcome = await this.searches.run(source, {
      query: text,
      limit: this.visibleLimit,
      prefix: !committed,
      // A submitted search needs no completions, but keeps "Meinten Sie …?"; more of the same
      // results keep the suggestions they had.
      suggest: reason !== 'more',
    });
    if (outcome.status === 'stale') return undefined;
    this.searching = false;
    if (outcome.query !== this.query) return undefined;
    if (outcome.status === 'failed') {
      this.fail({ ...toErrorDetail(outcome.error), code: 'search-failed' }, 'search');
      return undefined;
    }

    const { results } = outcome;
    const suggestions =
      reason === 'more' && previousSuggestions ? previousSuggestions : outcome.suggestions;
    this.shown = { query: text, results, suggestions, committed };
    if (reason === 'typing') {
      this.options = suggestionOptions(text, suggestions, results);
      this.combobox.setOptions(this.options.length, this.inputFocused);
    }
    this.announceResults(reason, results, suggestions, before);
    if (reason === 'commit') {
      this.dispatchEvent(hzdEvent('hzd-search', { query: text, total: results.total }));
      this.syncUrlNow();
    }
    return results;
  }

  private announceResults(
    reason: RunReason,
    results: SearchResults,
    suggestions: Suggestions,
    before: number,
  ): void {
    const text = this.text;
    if (reason === 'more') {
      this.announcer.announce(text.moreLoaded(results.hits.length - before), { delay: 0 });
      return;
    }
    // While typing, every message waits for the pause, "no results" included: the letters on
    // the way to a word that has results ("Personalausw…") must not be reported one by one.
    // Only a submitted search answers at once. Nothing here is an error, so all of it is polite.
    const submitted = reason === 'commit';
    const parts: string[] = [];
    if (results.total === 0) {
      parts.push(text.noResults(this.query));
      if (submitted) parts.push(text.noResultsHelp);
      if (suggestions.correction) parts.push(`${text.didYouMean} ${suggestions.correction}?`);
    } else {
      parts.push(text.resultCount(results.total, this.query));
      const missing = missingWords(results);
      if (missing.length) parts.push(`${text.resultsWithout(missing)}.`);
    }
    // As GOV.UK's accessible-autocomplete does: say that a list opened, and how long it is.
    if (results.total > 0 && parts.length > 1) parts[0] = `${parts[0]}.`;
    if (!submitted && this.combobox.open && this.options.length) {
      if (results.total > 0 && parts.length === 1) parts[0] = `${parts[0]}.`;
      parts.push(text.suggestionCount(this.options.length));
    }
    this.announcer.announce(parts.join(' '), submitted ? { delay: 0 } : {});
  }

  private fail(detail: HzdErrorDetail, during: 'load' | 'search'): void {
    // Visitors see a plain apology; the webmaster finds the cause (wrong index-src, an index
    // of another version …) in the console and in the hzd-error event.
    console.error(`<hzd-search>: ${detail.message}`);
    this.error = { ...detail, during };
    this.options = [];
    this.combobox.setOptions(0, false);
    this.announcer.announce(this.text.error, { politeness: 'assertive', delay: 0 });
    this.dispatchEvent(hzdEvent('hzd-error', { code: detail.code, message: detail.message }));
  }

  // ---- Interaction --------------------------------------------------------------------------

  private onInput(event: InputEvent): void {
    this.value = (event.target as HTMLInputElement).value;
    clearTimeout(this.compositionTimer);
    if (this.composing || event.isComposing) {
      // The composed text is provisional and changes with every key: search it once the keys
      // pause, not per key, and never wait for an end of composition that may not come.
      this.compositionTimer = setTimeout(() => this.textChanged(), COMPOSITION_SEARCH_DELAY);
      return;
    }
    this.textChanged();
  }

  private onCompositionStart(): void {
    this.composing = true;
  }

  private onCompositionEnd(event: CompositionEvent): void {
    this.composing = false;
    clearTimeout(this.compositionTimer);
    this.value = (event.target as HTMLInputElement).value;
    this.textChanged();
  }

  private onKeydown(event: KeyboardEvent): void {
    this.combobox.keydown(event);
  }

  private onSubmit(event: SubmitEvent): void {
    this.combobox.close();
    // The index failed: let the browser submit to the site's server search.
    if (this.error?.during === 'load' && this.fallback) return;
    event.preventDefault();
    void this.commit();
  }

  private onFocusIn(): void {
    this.ensureSource();
  }

  private onFocusOut(event: FocusEvent): void {
    // The input lost focus (Tab, a click elsewhere): close the popup without choosing. Clicks on
    // options do not blur the input (see the listbox's mousedown).
    if (event.target === this.input) this.combobox.close();
    const next = event.relatedTarget as Node | null;
    // Focus left the widget: say nothing more.
    if (!next || !this.renderRoot.contains(next)) this.announcer.cancel();
  }

  /** Enter or click on an option. */
  private accept(index: number): void {
    const option = this.options[index];
    if (!option) return;
    this.combobox.close();
    if (option.kind === 'completion') {
      this.value = option.text;
      this.resetForNewText();
      void this.commit();
      return;
    }
    this.announcer.clear();
    const select = hzdEvent('hzd-select', { hit: option.hit, query: this.query });
    if (this.dispatchEvent(select)) this.navigate(option.hit.url);
  }

  /** Opens a page (a chosen page suggestion); separate so subclasses can route. */
  protected navigate(url: string): void {
    window.location.assign(url);
  }

  private clearText(): void {
    this.value = '';
    this.input?.focus();
    this.textChanged();
  }

  /** Topics and "Meinten Sie": their buttons disappear with the state, so focus goes home first. */
  private searchFor(text: string): void {
    this.input?.focus();
    void this.search(text);
  }

  private retry(): void {
    this.input?.focus();
    const during = this.error?.during;
    this.error = undefined;
    if (during === 'search') this.textChanged();
    else this.ensureSource();
  }

  private async showMore(): Promise<void> {
    const from = this.shown?.results.hits.length ?? 0;
    this.visibleLimit += this.pageSize;
    const results = await this.run('more');
    if (!results) return;
    await this.updateComplete;
    // Focus the first new result, so keyboard and screen-reader users continue there.
    const card = this.renderRoot.querySelectorAll('hzd-result-card')[from];
    if (card) {
      await card.updateComplete;
      card.focus();
    }
  }

  private scheduleUrlSync(): void {
    if (!this.syncUrl) return;
    clearTimeout(this.urlTimer);
    this.urlTimer = setTimeout(() => {
      // Only a text whose results are on screen (or an empty field) goes into the URL.
      if (!this.query || this.shown?.query === this.query)
        writeUrlQuery(this.query, this.queryParamName);
    }, URL_SYNC_DELAY);
  }

  private syncUrlNow(): void {
    if (!this.syncUrl) return;
    clearTimeout(this.urlTimer);
    writeUrlQuery(this.query, this.queryParamName);
  }

  private readLight(): void {
    const light = readLightForm(this);
    if (JSON.stringify(light) !== JSON.stringify(this.light)) this.light = light;
  }

  // ---- Rendering ----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const text = this.text;
    const state = this.state;
    const open = this.combobox.open;
    const activeId = this.combobox.activeId;
    const server = this.serverSearch;
    const placeholder = this.placeholder ?? this.light.placeholder ?? text.placeholder;
    const landmarkName = this.landmarkLabel ? 'landmark-name' : 'label';

    // `dir`: the page's direction must not mirror German text ("?Wie können wir Ihnen helfen");
    // the UI language decides it (both supported languages are left-to-right).
    return html`
      <div
        class="widget"
        part="base"
        dir="ltr"
        data-state=${state}
        @focusin=${this.onFocusIn}
        @focusout=${this.onFocusOut}
      >
        <search
          part="search"
          aria-labelledby=${this.instanceName ? `${landmarkName} instance-name` : landmarkName}
        >
          ${
            this.landmarkLabel
              ? html`<span id="landmark-name" hidden>${this.landmarkLabel}</span>`
              : nothing
          }
          ${
            this.instanceName
              ? html`<span id="instance-name" hidden>${`(${this.instanceName})`}</span>`
              : nothing
          }
          <form
            part="form"
            action=${server?.url ?? nothing}
            method=${this.light.method ?? 'get'}
            @submit=${this.onSubmit}
          >
            ${(server?.hidden ?? []).map(
              ([name, value]) => html`<input type="hidden" name=${name} .value=${value} />`,
            )}
            <label id="label" part="label" for="input">
              ${this.label ?? this.light.label ?? text.label}
            </label>
            <p id="hint" part="hint" class="hint">${this.hint ?? text.hint}</p>
            <span id="instructions" class="visually-hidden">${text.instructions}</span>
            <div class="row">
              <div class="combobox">
                <input
                  id="input"
                  part="input"
                  type="search"
                  name=${this.queryParamName}
                  role="combobox"
                  aria-autocomplete="list"
                  aria-expanded=${open ? 'true' : 'false'}
                  aria-controls="listbox"
                  aria-activedescendant=${activeId ?? nothing}
                  aria-describedby="hint instructions"
                  autocomplete="off"
                  autocapitalize="off"
                  enterkeyhint="search"
                  spellcheck="false"
                  placeholder=${placeholder || nothing}
                  @input=${this.onInput}
                  @keydown=${this.onKeydown}
                  @compositionstart=${this.onCompositionStart}
                  @compositionend=${this.onCompositionEnd}
                />
                <button
                  type="button"
                  part="clear"
                  class="clear"
                  aria-label=${text.clear}
                  ?hidden=${!this.value}
                  @click=${this.clearText}
                >
                  <svg viewBox="0 0 24 24" aria-hidden="true">${clearIcon}</svg>
                </button>
                ${this.renderListbox(open, text)}
              </div>
              <button type="submit" part="submit" class="submit">
                <svg viewBox="0 0 24 24" aria-hidden="true">${searchIcon}</svg>
                <span>${text.submit}</span>
              </button>
            </div>
          </form>
          ${this.renderLiveRegions()}
        </search>
        ${this.renderBody(state, text)} ${dataDateView(text, this.dataDate)}
      </div>
    `;
  }

  private renderListbox(open: boolean, text: HzdStrings): TemplateResult {
    const active = this.combobox.activeIndex;
    const contentLang = this.contentLang;
    // mousedown would blur the input (and close the list) before the click selects.
    return html`
      <ul
        id="listbox"
        role="listbox"
        part="listbox"
        aria-label=${text.suggestions}
        ?hidden=${!open}
        @mousedown=${(event: Event) => event.preventDefault()}
      >
        ${this.options.map(
          (option, index) => html`
            <li
              id=${this.combobox.optionId(index)}
              role="option"
              part=${index === active ? 'option option-active' : 'option'}
              aria-selected=${index === active ? 'true' : 'false'}
              @click=${() => this.accept(index)}
            >
              <span
                class="content"
                lang=${option.kind === 'page' ? (option.hit.lang ?? contentLang) : contentLang}
                >${option.text}</span
              >
              ${
                option.kind === 'page'
                  ? html`<span class="kind">${text.pageSuggestion}</span>`
                  : nothing
              }
            </li>
          `,
        )}
      </ul>
    `;
  }

  /** Present and empty from the first render: regions added with their text are often not read. */
  private renderLiveRegions(): TemplateResult {
    const { polite, assertive } = this.announcer.regions;
    return html`
      <div class="visually-hidden">
        <div id="status-a" role="status" aria-atomic="true">${polite[0]}</div>
        <div id="status-b" role="status" aria-atomic="true">${polite[1]}</div>
        <div id="alert-a" aria-live="assertive" aria-atomic="true">${assertive[0]}</div>
        <div id="alert-b" aria-live="assertive" aria-atomic="true">${assertive[1]}</div>
      </div>
    `;
  }

  private renderBody(state: SearchState, text: HzdStrings): TemplateResult | typeof nothing {
    const context = this.viewContext(text);
    switch (state) {
      case 'idle':
        return topicsView(context, context.level);
      case 'loading':
        return statusView(text.loading);
      case 'typing':
        if (this.query.length < this.minLength) return statusView(text.tooShort(this.minLength));
        // The previous results stay until the next ones arrive (no flicker with a source that
        // answers asynchronously), marked busy while they are stale.
        if (this.shown) return resultsView(context, { ...this.shown, stale: true });
        return this.searching ? statusView(text.searching) : nothing;
      case 'error':
        return errorView(context, this.query);
      default:
        return this.shown ? resultsView(context, this.shown) : nothing;
    }
  }

  private viewContext(text: HzdStrings): ViewContext {
    const contact = this.contactUrl?.trim();
    return {
      text,
      lang: this.lang_,
      level: headingLevel(this.headingLevel, 2),
      theme: this.theme,
      strings: this.strings,
      server: this.serverSearch,
      contentLang: this.contentLang,
      instanceName: this.instanceName,
      contact: contact && isSafeUrl(contact) ? contact : undefined,
      topics: Array.isArray(this.topics) ? this.topics : [],
      hasDataDate: !!this.dataDate,
      onTopic: (topic) => this.searchFor(topic),
      onRetry: () => this.retry(),
      onMore: () => void this.showMore(),
    };
  }

  /** "Datenstand" of the loaded index, formatted; undefined if unknown or malformed. */
  private get dataDate(): string | undefined {
    const date = this.source?.dataDate;
    return typeof date === 'string' ? formatDate(this.lang_, date, 'long') : undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hzd-search': HzdSearch;
  }
}
