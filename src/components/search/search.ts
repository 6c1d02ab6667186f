import { html, LitElement, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { SearchSource } from '../../controllers/search-controller.js';
import type { SearchResults } from '../../core/types.js';
import { isSafeUrl } from '../../core/url.js';
import { languageOf, resolveStrings, type HzdLanguage, type HzdStrings } from '../../i18n/index.js';
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
import { loadSession } from './session-loader.js';
import type { SearchHost, SearchSession } from './search-session.js';
import { searchStyles } from './search.styles.js';
import { statusView, topicsView } from './topics-view.js';
import { QUERY_PARAM, readUrlQuery, type ServerSearch } from './url-sync.js';

/** Events that announce a visitor is about to use the box: the session starts loading. */
const INTENT_EVENTS = ['pointerenter', 'touchstart', 'focusin'] as const;

export type SearchState = 'idle' | 'loading' | 'typing' | 'results' | 'no-results' | 'error';

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
 * URL, searched in a Web Worker. The element renders its search box at once; what searching needs
 * (search-session.ts) comes with the index, when the pointer or focus first reaches the box. Counts are announced through pre-rendered, double-buffered live regions once typing pauses;
 * "no results" and errors at once. Without JavaScript, a light-DOM `<form>` inside the element
 * works as a server search; the element takes its `action`, label and text over.
 *
 * @summary Accessible as-you-type site search with suggestions and result cards.
 * @tag hzd-search
 *
 * @fires {HzdSearchEvent} hzd-search - A search was submitted (Enter, the button, a completion, a
 *   topic, "Meinten Sie", `search()` or a changed filter); detail `{ query, total, filters }`.
 *   --bubbles --composed
 * @fires {HzdSelectEvent} hzd-select - A hit was chosen (a result link, a section link or a page
 *   suggestion); detail `{ hit, query, url, section? }`. Cancelable: `preventDefault()` stops the
 *   navigation so a single-page app can route. --bubbles --composed
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
 * @csspart filters - The filter block (with `filters`): buttons and panel.
 * @csspart filter-toggle - The "Filter" button that opens and closes the panel.
 * @csspart filter-reset - The "Filter zurücksetzen" button, while filters are chosen.
 * @csspart filter-panel - The panel with the groups of checkboxes.
 * @csspart filter-group - One field's `<fieldset>`.
 * @csspart list - The list of result cards.
 * @csspart more - The "Weitere Ergebnisse" button or "Alle Ergebnisse" link.
 * @csspart correction - The "Meinten Sie …?" paragraph.
 * @csspart topics - The "Häufig gesucht" block.
 * @csspart topic - A topic button.
 * @csspart data-date - "Datenstand: …".
 * @csspart card - A result card's `<article>` (also heading, link, title, snippet, mark, meta,
 *   type, sections, section, section-link, section-snippet).
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

  /** URL of a prebuilt index: a single JSON file, or a sharded index's folder (ending in `/`) or its `manifest.json`. Without it (and without `index`), the bundled index is used. */
  @property({ attribute: 'index-src', reflect: true }) indexSrc?: string;

  /**
   * URL of a Solr collection with the hzd-de configset (`https://www.example.de/solr/portal/`):
   * searches go there, and no static index is loaded. Ignored when `index` is set.
   */
  @property({ attribute: 'solr-url', reflect: true }) solrUrl?: string;

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

  /**
   * Keep `?q=` (and the chosen filters, as `filter-<field>=<value>`) of the page URL in sync, so
   * searches can be linked and survive a reload; back and forward restore them.
   */
  @property({ type: Boolean, attribute: 'sync-url', reflect: true }) syncUrl = false;

  /** `dark`, or `auto` to follow the system's colour scheme; light otherwise. */
  @property({ reflect: true }) theme?: 'light' | 'dark' | 'auto';

  /** Curated "Häufig gesucht" topics, shown before anything is typed (comma-separated). */
  @property({ converter: listConverter, reflect: true }) topics: string[] = [];

  /**
   * Fields to filter results by, comma-separated (`category, type, levels`, or a field of the
   * documents' `filters`): a "Filter" button above the results opens one group of checkboxes
   * per field, each value with its number of results. With `sync-url`, chosen values go into the
   * URL as `filter-<field>=<value>`.
   */
  @property({ converter: listConverter, reflect: true }) filters: string[] = [];

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
  @state() private light: LightForm = {};
  @state() private landmarkLabel?: string;
  /** Set by the registry of search boxes on the page (see instance-names.ts). */
  @state() private instanceNameSource?: InstanceName;
  /** What searching needs, once loaded (see search-session.ts). */
  @state() private session?: SearchSession;

  @query('#input') private input?: HTMLInputElement;

  private sessionLoading?: Promise<SearchSession>;
  private composing = false;
  private compositionTimer?: ReturnType<typeof setTimeout>;
  /** The visitor was typing into the no-JS form when the element upgraded. */
  private upgradeCaret?: CaretState;
  private readonly naming: NamedInstance = {
    element: this,
    baseName: () => this.landmarkLabel ?? this.label ?? this.light.label ?? this.text.label,
    rename: (name) => (this.instanceNameSource = name),
  };
  private lightObserver?: MutationObserver;

  /** What the widget shows: `idle`, `loading`, `typing`, `results`, `no-results` or `error`. */
  get state(): SearchState {
    if (this.session) return this.session.state;
    return this.query ? 'loading' : 'idle';
  }

  /**
   * The index being searched once it is loaded: the `index` property, else the one loaded from
   * `index-src` or the bundled one. Undefined while loading or after a failure.
   */
  get loadedIndex(): SearchSource | undefined {
    return this.session?.source;
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
    const session = await this.startSession();
    return session.search(this.value);
  }

  override connectedCallback(): void {
    // Before the shadow root exists: the no-JS field is still the one with focus.
    this.captureLightFocus();
    super.connectedCallback();
    this.readLight();
    registerInstance(this.naming);
    // The parser may not have added the light-DOM form yet when a classic script upgrades us.
    this.lightObserver = new MutationObserver(() => this.readLight());
    this.lightObserver.observe(this, { childList: true, subtree: true, attributes: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.lightObserver?.disconnect();
    clearTimeout(this.compositionTimer);
    unregisterInstance(this.naming);
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
    void this.updateComplete.then(() => {
      // An index given as a property is known at once: its "Datenstand" is shown from the start.
      if (this.index) void this.startSession();
      this.startFromUrlOrLightForm();
    });
    // What searching needs comes at the first sign of intent (the pointer over the box, a
    // touch, focus), not with the page: pages that never use the box load only the ≤ 16 kB
    // script, and a visitor's pointer reaches the field some 100 ms before the click.
    const intent = () => {
      for (const type of INTENT_EVENTS) this.removeEventListener(type, intent);
      void loadSession().catch(() => undefined);
    };
    for (const type of INTENT_EVENTS) this.addEventListener(type, intent, { passive: true });
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

  /** The suffix that tells this box apart from others on the page, in the UI language. */
  private get instanceName(): string | undefined {
    const name = this.instanceNameSource;
    if (!name) return undefined;
    return 'heading' in name ? name.heading : this.text.instanceName(name.position);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const changedAny = changed as Map<PropertyKey, unknown>;
    if (changedAny.has('label') || changedAny.has('landmarkLabel') || changedAny.has('light')) {
      renameInstances();
    }
    const session = this.session;
    if (!this.hasUpdated || !session || changedAny.has('session')) return;
    if (
      changed.has('index') ||
      ((changed.has('indexSrc') || changed.has('solrUrl')) && !this.index)
    ) {
      session.sourceChanged();
    } else if (changed.has('limit') || changed.has('minChars') || changed.has('filters')) {
      session.settingsChanged(changed.has('limit'));
    }
  }

  protected override updated(): void {
    // The field's text follows `value` whenever they differ, also after the visitor typed (a
    // property binding would compare with what it last rendered, not with the field). Equal
    // text is left alone, so the caret stays where it is.
    if (this.input && this.input.value !== this.value) this.input.value = this.value;
  }

  // ---- The session --------------------------------------------------------------------------

  /** Loads what searching needs (once per element) and starts the index load. */
  private startSession(): Promise<SearchSession> {
    this.sessionLoading ??= loadSession().then((module) => {
      const session = new module.SearchSession(this.host());
      this.session = session;
      session.ensureSource();
      return session;
    });
    this.sessionLoading.catch(() => {
      // The file could not be fetched: a later focus or keystroke tries again.
      this.sessionLoading = undefined;
    });
    return this.sessionLoading;
  }

  /** The session's access to what only the element knows. */
  private host(): SearchHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const element = this;
    return {
      element,
      get value() {
        return element.value;
      },
      set value(text: string) {
        element.value = text;
      },
      get query() {
        return element.query;
      },
      get lang() {
        return element.lang_;
      },
      get text() {
        return element.text;
      },
      get queryParamName() {
        return element.queryParamName;
      },
      get serverSearch() {
        return element.serverSearch;
      },
      get hasFallback() {
        return !!element.fallback;
      },
      get pageSize() {
        return element.pageSize;
      },
      get minLength() {
        return element.minLength;
      },
      get input() {
        return element.input;
      },
      get inputFocused() {
        const root = element.renderRoot as ShadowRoot;
        return !!element.input && root.activeElement === element.input;
      },
      get instanceName() {
        return element.instanceName;
      },
      navigate: (url) => element.navigate(url),
    };
  }

  /** New text: the session searches as the visitor types; the first text starts it. */
  private textChanged(): void {
    if (this.session) this.session.textChanged();
    else void this.startSession().then((session) => session.textChanged());
  }

  // ---- Derived values -----------------------------------------------------------------------

  private get query(): string {
    return this.value.trim();
  }

  private get lang_(): HzdLanguage {
    return languageOf(this);
  }

  private get queryParamName(): string {
    return this.queryParam?.trim() || this.light.inputName || QUERY_PARAM;
  }

  private get text(): HzdStrings {
    return resolveStrings(this.lang_, this.strings);
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
    this.session?.keydown(event);
  }

  private onSubmit(event: SubmitEvent): void {
    if (this.session) {
      this.session.submit(event);
      return;
    }
    event.preventDefault();
    void this.search(this.value);
  }

  private onFocusIn(): void {
    if (this.session) this.session.ensureSource();
    else void this.startSession();
  }

  private onFocusOut(event: FocusEvent): void {
    this.session?.focusOut(event);
  }

  /** Opens a page (a chosen page suggestion); separate so subclasses can route. */
  protected navigate(url: string): void {
    window.location.assign(url);
  }

  private clearText(): void {
    if (this.session) {
      this.session.clearText();
      return;
    }
    this.value = '';
    this.input?.focus();
  }

  private readLight(): void {
    const light = readLightForm(this);
    if (JSON.stringify(light) !== JSON.stringify(this.light)) this.light = light;
  }

  // ---- Rendering ----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const text = this.text;
    const session = this.session;
    const { open, activeId } = session?.popup ?? { open: false, activeId: undefined };
    const server = this.serverSearch;
    const placeholder = this.placeholder ?? this.light.placeholder ?? text.placeholder;
    const landmarkName = this.landmarkLabel ? 'landmark-name' : 'label';
    const regions = session?.regions ?? { polite: ['', ''], assertive: ['', ''] };

    // `dir`: the page's direction must not mirror German text ("?Wie können wir Ihnen helfen");
    // the UI language decides it (both supported languages are left-to-right).
    return html`
      <div
        class="widget"
        part="base"
        dir="ltr"
        data-state=${this.state}
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
                ${
                  session?.renderListbox() ??
                  html`<ul
                    id="listbox"
                    role="listbox"
                    part="listbox"
                    aria-label=${text.suggestions}
                    hidden
                  ></ul>`
                }
              </div>
              <button type="submit" part="submit" class="submit">
                <svg viewBox="0 0 24 24" aria-hidden="true">${searchIcon}</svg>
                <span>${text.submit}</span>
              </button>
            </div>
          </form>
          <div class="visually-hidden">
            <div id="status-a" role="status" aria-atomic="true">${regions.polite[0]}</div>
            <div id="status-b" role="status" aria-atomic="true">${regions.polite[1]}</div>
            <div id="alert-a" aria-live="assertive" aria-atomic="true">${regions.assertive[0]}</div>
            <div id="alert-b" aria-live="assertive" aria-atomic="true">${regions.assertive[1]}</div>
          </div>
        </search>
        ${session ? session.renderBody() : this.renderBeforeSession(text)}
      </div>
    `;
  }

  /** Before the session arrives: the topics, or, once there is text, that the search loads. */
  private renderBeforeSession(text: HzdStrings): TemplateResult | typeof nothing {
    if (this.query) return statusView(text.loading);
    return topicsView(
      {
        text,
        level: headingLevel(this.headingLevel, 2),
        topics: Array.isArray(this.topics) ? this.topics : [],
        onTopic: (topic) => {
          this.input?.focus();
          void this.search(topic);
        },
      },
      headingLevel(this.headingLevel, 2),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hzd-search': HzdSearch;
  }
}
