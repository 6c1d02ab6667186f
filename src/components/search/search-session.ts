/**
 * Everything `<hzd-search>` does once a visitor starts to search, loaded when the pointer, a touch
 * or focus first reaches the box, so that the script a page loads before any interaction stays small: loading
 * the index, searching as the visitor types with a race guard, the combobox and its suggestions,
 * announcements, the results region with its cards, paging, errors, `?q=` sync.
 *
 * The element (search.ts) keeps what it needs to render the search box before that: its
 * attributes, the text typed, the no-JS form it takes over, its name among several boxes. It
 * hands a session the access to those (SearchHost) and delegates to it from then on.
 */
import {
  adoptStyles,
  html,
  nothing,
  type LitElement,
  type ReactiveController,
  type TemplateResult,
} from 'lit';
import { AnnouncerController } from '../../controllers/announcer-controller.js';
import { ComboboxController } from '../../controllers/combobox-controller.js';
import { documentLiveRegions } from '../../controllers/document-live-regions.js';
import { loadIndexFromUrl, toErrorDetail } from '../../controllers/index-source.js';
import {
  SearchController,
  type SearchRequest,
  type SearchSource,
} from '../../controllers/search-controller.js';
import { SearchSourceError } from '../../core/errors.js';
import type { SearchResults, Suggestions } from '../../core/types.js';
import { isSafeUrl } from '../../core/url.js';
import { loadDefaultIndex } from '../../default-index.js';
import { hzdEvent, type HzdErrorDetail } from '../../events.js';
import { formatDate, type HzdLanguage, type HzdStrings } from '../../i18n/index.js';
import { headingLevel } from '../shared/heading.js';
import {
  dataDateView,
  errorView,
  missingWords,
  resultsView,
  type ViewContext,
} from './results-views.js';
import { statusView, topicsView } from './topics-view.js';
import { suggestionOptions, type SuggestionOption } from './suggestion-options.js';
import {
  activeCount,
  activeFilters,
  filterFieldNames,
  FilterValueMemory,
  type FilterSelection,
  type FiltersContext,
} from './filters.js';
import { filterStyles } from './filters.styles.js';
import type { ServerSearch } from './url-sync.js';
import { readUrlFilters, writeUrlState } from './url-state.js';
import type { HzdSearch, SearchState } from './search.js';

/** What a session needs of its element beyond its public properties. */
export interface SearchHost {
  readonly element: HzdSearch;
  /** The field's text (not trimmed). */
  value: string;
  readonly query: string;
  readonly lang: HzdLanguage;
  readonly text: HzdStrings;
  readonly queryParamName: string;
  readonly serverSearch: ServerSearch | undefined;
  /** The page's own server search is where the widget falls back to. */
  readonly hasFallback: boolean;
  readonly pageSize: number;
  readonly minLength: number;
  readonly input: HTMLInputElement | undefined;
  readonly inputFocused: boolean;
  readonly instanceName: string | undefined;
  navigate(url: string): void;
}

/** Results on screen, always with the text they were found for. */
interface Shown {
  query: string;
  results: SearchResults;
  suggestions: Suggestions;
  /** Submitted (Enter, button, completion …) rather than found while typing. */
  committed: boolean;
}

/** Why a search runs: typing, a submit, "more results", or a changed filter. */
type RunReason = 'typing' | 'commit' | 'more' | 'filter';

/**
 * A SolrSource for `solr-url`: its code is a file of its own (hzd-search.solr.js), loaded only by
 * pages that search a Solr collection. Nothing is fetched from Solr until the first search.
 */
async function loadSolrSource(url: string): Promise<SearchSource> {
  let module: typeof import('../../backends/solr/solr-source.js');
  try {
    module = await import('../../backends/solr/solr-source.js');
  } catch (error) {
    throw new SearchSourceError('network', 'The Solr search code could not be loaded.', {
      cause: error,
    });
  }
  try {
    return new module.SolrSource({ url });
  } catch (error) {
    // A wrong solr-url (not http(s), credentials in it): a configuration error, said as such.
    throw new SearchSourceError(
      'malformed',
      `solr-url: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Waiting this long after the last key before `?q=` follows the text (see `sync-url`). */
const URL_SYNC_DELAY = 1000;

export class SearchSession implements ReactiveController {
  private shown?: Shown;
  private loadedSource?: SearchSource;
  private loadPending = false;
  private error?: HzdErrorDetail & { during: 'load' | 'search' };
  private options: SuggestionOption[] = [];
  private visibleLimit: number;
  /** A search has been started and has not answered yet. */
  private searching = false;
  private readonly searches = new SearchController();
  private readonly combobox: ComboboxController;
  private readonly announcer: AnnouncerController;
  private ready?: Promise<SearchSource | undefined>;
  private loadGeneration = 0;
  private abort?: AbortController;
  private disconnectTimer?: ReturnType<typeof setTimeout>;
  /** A load was given up because the element left the page; it restarts when it returns. */
  private interruptedLoad = false;
  private urlTimer?: ReturnType<typeof setTimeout>;
  private scrolledTo?: string;
  /** Chosen filter values (all fields ever chosen; searches use those of `filters`). */
  private selection: FilterSelection = {};
  private filtersOpen = false;
  private readonly filterValues = new FilterValueMemory();
  private readonly onPopState = () => this.restoreFromUrl();

  constructor(private readonly host: SearchHost) {
    const element = host.element;
    this.visibleLimit = host.pageSize;
    this.combobox = new ComboboxController(element, {
      accept: (index) => this.accept(index),
      clear: () => this.clearText(),
      isEmpty: () => !host.value,
    });
    this.announcer = new AnnouncerController(element, {
      // Nothing is said once focus has left the widget (the visitor moved on).
      canSpeak: () => element.matches(':focus-within'),
      useDocumentRegions: () => element.documentAnnouncer,
    });
    // The filter panel's styles come with this module (see filters.styles.ts).
    adoptStyles(element.renderRoot as ShadowRoot, [
      ...(element.constructor as typeof LitElement).elementStyles,
      filterStyles,
    ]);
    if (element.syncUrl) this.selection = readUrlFilters(this.filterFields);
    element.addController(this);
  }

  // ---- For the element ----------------------------------------------------------------------

  get state(): SearchState {
    if (this.error) return 'error';
    if (this.loadPending) return 'loading';
    const text = this.host.query;
    if (!text) return 'idle';
    if (this.shown?.query === text) return this.shown.results.total > 0 ? 'results' : 'no-results';
    return 'typing';
  }

  get source(): SearchSource | undefined {
    return this.host.element.index ?? this.loadedSource;
  }

  /** The popup's state, for the input's ARIA attributes. */
  get popup(): { open: boolean; activeId: string | undefined } {
    return { open: this.combobox.open, activeId: this.combobox.activeId };
  }

  get regions() {
    return this.announcer.regions;
  }

  /** Whether the form should submit natively: the index failed, the server search takes over. */
  get submitsNatively(): boolean {
    return this.error?.during === 'load' && this.host.hasFallback;
  }

  /** Searches for `query` as if typed and submitted (the element's `search()`). */
  search(query: string): Promise<SearchResults | undefined> {
    this.host.value = String(query ?? '');
    this.resetForNewText();
    return this.commit();
  }

  /** The index to search changed (`index` or `index-src`). */
  sourceChanged(): void {
    this.resetSource();
    if (this.host.query) this.textChanged();
  }

  /** `limit`, `min-chars` or `filters` changed. */
  settingsChanged(limitChanged: boolean): void {
    if (limitChanged) this.visibleLimit = this.host.pageSize;
    if (this.host.query) this.textChanged();
  }

  /** Reacts to new text (typing, clear, programmatic): as-you-type search. */
  textChanged(): void {
    this.resetForNewText();
    this.scheduleUrlSync();
    const text = this.host.query;
    if (!text) {
      this.cancelSearch();
      this.shown = undefined;
      this.announcer.clear();
      this.changed();
      return;
    }
    this.ensureSource();
    if (this.error) return;
    if (text.length < this.host.minLength) {
      this.cancelSearch();
      // With the options of the search the next letters start, so that it finds its data here.
      if (this.source) this.searches.prefetch(this.source, this.request(text, 'typing', false));
      this.announcer.announce(this.host.text.tooShort(this.host.minLength));
      this.changed();
      return;
    }
    if (this.source) void this.run('typing');
    // Otherwise the index is loading; `load` continues with the current text.
    else this.announceLoading();
  }

  /** Starts loading the index unless there is one (or a load is running or has failed). */
  ensureSource(): void {
    if (this.source || this.loadPending || this.error?.during === 'load') return;
    this.ready = this.load();
  }

  keydown(event: KeyboardEvent): void {
    this.combobox.keydown(event);
  }

  submit(event: SubmitEvent): void {
    this.combobox.close();
    // The index failed: let the browser submit to the site's server search.
    if (this.submitsNatively) return;
    event.preventDefault();
    void this.commit();
  }

  focusOut(event: FocusEvent): void {
    // The input lost focus (Tab, a click elsewhere): close the popup without choosing. Clicks on
    // options do not blur the input (see the listbox's mousedown).
    if (event.target === this.host.input) this.combobox.close();
    const next = event.relatedTarget as Node | null;
    // Focus left the widget: say nothing more.
    if (!next || !this.host.element.renderRoot.contains(next)) this.announcer.cancel();
  }

  clearText(): void {
    this.host.value = '';
    this.host.input?.focus();
    this.textChanged();
  }

  /** Topics and "Meinten Sie": their buttons disappear with the state, so focus goes home first. */
  searchFor(text: string): void {
    this.host.input?.focus();
    void this.search(text);
  }

  // ---- Lifecycle (ReactiveController) -------------------------------------------------------

  hostConnected(): void {
    window.addEventListener('popstate', this.onPopState);
    clearTimeout(this.disconnectTimer);
    if (this.interruptedLoad) {
      this.interruptedLoad = false;
      this.ensureSource();
    }
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPopState);
    clearTimeout(this.urlTimer);
    if (this.loadPending) {
      // Moving the element (remove, then insert) disconnects and reconnects it in one task: the
      // load goes on. Only an element that stays out of the page gives its load up, and starts it
      // again if it comes back.
      this.disconnectTimer = setTimeout(() => {
        if (this.host.element.isConnected || !this.loadPending) return;
        this.resetSource();
        this.interruptedLoad = true;
      });
    }
  }

  hostUpdate(): void {
    // Regions must be in the page before the first message is written into them.
    if (this.host.element.documentAnnouncer) documentLiveRegions();
  }

  hostUpdated(): void {
    // Browsers keep real focus visible, not virtual focus: scroll the active option into view
    // for magnifier and zoom users (APG). `block: 'nearest'` scrolls no more than needed.
    const id = this.combobox.activeId;
    if (id && id !== this.scrolledTo) {
      this.host.element.renderRoot.querySelector(`#${id}`)?.scrollIntoView({ block: 'nearest' });
    }
    this.scrolledTo = id;
  }

  // ---- Loading the index --------------------------------------------------------------------

  private async load(): Promise<SearchSource | undefined> {
    const generation = ++this.loadGeneration;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.loadPending = true;
    this.error = undefined;
    this.changed();
    // Said only if loading takes longer than the debounce.
    this.announceLoading();
    const element = this.host.element;
    try {
      const options = { signal: abort.signal, timeout: element.indexTimeout };
      const source = element.solrUrl
        ? await loadSolrSource(element.solrUrl)
        : element.indexSrc
          ? await loadIndexFromUrl(element.indexSrc, options)
          : await loadDefaultIndex(options);
      if (generation !== this.loadGeneration) return undefined;
      this.loadedSource = source;
      this.loadPending = false;
      this.announcer.cancel();
      this.changed();
      if (this.host.query) this.textChanged();
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
    // Another index has other values; the chosen ones stay (and are listed, with their counts).
    this.filterValues.forget();
    this.cancelSearch();
    this.changed();
  }

  /**
   * "Die Suche wird geladen …", once per load. Typing during the load must neither repeat it nor
   * leave a stale hint ("mindestens 2 Zeichen") pending for text that is long enough by now.
   */
  private announceLoading(): void {
    const message = this.host.text.loading;
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
    this.visibleLimit = this.host.pageSize;
    this.options = [];
    this.combobox.setOptions(0, false);
    if (this.error?.during === 'search') this.error = undefined;
    this.changed();
  }

  /** Submits the current text: results without suggestions, `hzd-search`, `?q=`. */
  private async commit(): Promise<SearchResults | undefined> {
    const text = this.host.query;
    this.combobox.close();
    if (!text) {
      this.cancelSearch();
      this.shown = undefined;
      this.changed();
      return undefined;
    }
    this.ensureSource();
    if (this.error?.during === 'load') {
      this.announcer.announce(this.host.text.error, { politeness: 'assertive', delay: 0 });
      return undefined;
    }
    if (!this.source) await this.ready;
    if (!this.source || text !== this.host.query) return undefined;
    return this.run('commit');
  }

  /** What searching `text` asks the source for. */
  private request(
    text: string,
    reason: RunReason,
    committed: boolean,
  ): SearchRequest & { filters: FilterSelection } {
    const fields = this.filterFields;
    return {
      query: text,
      limit: this.visibleLimit,
      prefix: !committed,
      // A submitted search needs no completions, but keeps "Meinten Sie …?"; more of the same
      // results, and the same text filtered, keep the suggestions they had.
      suggest: reason === 'typing' || reason === 'commit',
      filters: activeFilters(this.selection, fields),
      facets: fields,
    };
  }

  private async run(reason: RunReason): Promise<SearchResults | undefined> {
    const source = this.source;
    if (!source) return undefined;
    const text = this.host.query;
    // "More" and a changed filter search the same text as shown, in the same way.
    const committed = reason === 'commit' || (reason !== 'typing' && !!this.shown?.committed);
    const before = this.shown?.results.hits.length ?? 0;
    const fields = this.filterFields;
    const previousSuggestions = this.shown?.suggestions;
    this.searching = true;
    this.changed();
    const request = this.request(text, reason, committed);
    const outcome = await this.searches.run(source, request);
    if (outcome.status === 'stale') return undefined;
    this.searching = false;
    if (outcome.query !== this.host.query) return undefined;
    if (outcome.status === 'failed') {
      // A server-backed source says what went wrong (timeout, server …); anything else thrown
      // while searching is `search-failed`.
      const detail = toErrorDetail(outcome.error);
      const specific = outcome.error instanceof SearchSourceError;
      this.fail(specific ? detail : { ...detail, code: 'search-failed' }, 'search');
      return undefined;
    }

    const { results } = outcome;
    const keepSuggestions = reason === 'more' || reason === 'filter';
    const suggestions =
      keepSuggestions && previousSuggestions ? previousSuggestions : outcome.suggestions;
    this.shown = { query: text, results, suggestions, committed };
    this.filterValues.remember(fields, results, source.filterValues);
    if (reason === 'typing') {
      this.options = suggestionOptions(text, suggestions, results);
      this.combobox.setOptions(this.options.length, this.host.inputFocused);
    }
    this.changed();
    this.announceResults(reason, results, suggestions, before);
    if (reason === 'commit' || reason === 'filter') {
      this.host.element.dispatchEvent(
        hzdEvent('hzd-search', { query: text, total: results.total, filters: request.filters }),
      );
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
    const text = this.host.text;
    if (reason === 'more') {
      this.announcer.announce(text.moreLoaded(results.hits.length - before), { delay: 0 });
      return;
    }
    if (reason === 'filter') {
      // Focus stays on the checkbox; the new count is what changed.
      const query = this.host.query;
      const count =
        results.total > 0 ? text.resultCount(results.total, query) : text.noResults(query);
      this.announcer.announce(count, { delay: 0 });
      return;
    }
    // While typing, every message waits for the pause, "no results" included: the letters on
    // the way to a word that has results ("Personalausw…") must not be reported one by one.
    // Only a submitted search answers at once. Nothing here is an error, so all of it is polite.
    const submitted = reason === 'commit';
    const query = this.host.query;
    const parts: string[] = [];
    if (results.total === 0) {
      parts.push(text.noResults(query));
      const filtered = activeCount(activeFilters(this.selection, this.filterFields)) > 0;
      if (submitted) parts.push(filtered ? text.filteredNoResults : text.noResultsHelp);
      if (suggestions.correction) parts.push(`${text.didYouMean} ${suggestions.correction}?`);
    } else {
      parts.push(text.resultCount(results.total, query));
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
    this.changed();
    this.announcer.announce(this.host.text.error, { politeness: 'assertive', delay: 0 });
    this.host.element.dispatchEvent(
      hzdEvent('hzd-error', { code: detail.code, message: detail.message }),
    );
  }

  // ---- Interaction --------------------------------------------------------------------------

  /** Enter or click on an option. */
  private accept(index: number): void {
    const option = this.options[index];
    if (!option) return;
    this.combobox.close();
    if (option.kind === 'completion') {
      this.host.value = option.text;
      this.resetForNewText();
      void this.commit();
      return;
    }
    this.announcer.clear();
    const select = hzdEvent('hzd-select', {
      hit: option.hit,
      query: this.host.query,
      url: option.hit.url,
    });
    if (this.host.element.dispatchEvent(select)) this.host.navigate(option.hit.url);
  }

  private retry(): void {
    this.host.input?.focus();
    const during = this.error?.during;
    this.error = undefined;
    this.changed();
    if (during === 'search') this.textChanged();
    else this.ensureSource();
  }

  private async showMore(): Promise<void> {
    const from = this.shown?.results.hits.length ?? 0;
    this.visibleLimit += this.host.pageSize;
    const results = await this.run('more');
    if (!results) return;
    const element = this.host.element;
    await element.updateComplete;
    // Focus the first new result, so keyboard and screen-reader users continue there.
    const card = element.renderRoot.querySelectorAll('hzd-result-card')[from];
    if (card) {
      await card.updateComplete;
      card.focus();
    }
  }

  private scheduleUrlSync(): void {
    if (!this.host.element.syncUrl) return;
    clearTimeout(this.urlTimer);
    this.urlTimer = setTimeout(() => {
      // Only a text whose results are on screen (or an empty field) goes into the URL.
      const query = this.host.query;
      if (!query || this.shown?.query === query) this.writeUrl();
    }, URL_SYNC_DELAY);
  }

  private syncUrlNow(): void {
    if (!this.host.element.syncUrl) return;
    clearTimeout(this.urlTimer);
    this.writeUrl();
  }

  private writeUrl(): void {
    const fields = this.filterFields;
    writeUrlState(
      this.host.query,
      this.host.queryParamName,
      fields,
      activeFilters(this.selection, fields),
    );
  }

  /** Back or forward to an entry of this page: its query and filters, if they differ. */
  private restoreFromUrl(): void {
    const element = this.host.element;
    if (!element.syncUrl) return;
    const param = this.host.queryParamName;
    const query = new URL(window.location.href).searchParams.get(param) ?? '';
    const fields = this.filterFields;
    const selection = readUrlFilters(fields);
    const same =
      query.trim() === this.host.query &&
      JSON.stringify(selection) === JSON.stringify(activeFilters(this.selection, fields));
    if (same) return;
    this.selection = selection;
    if (query.trim()) void this.search(query);
    else {
      this.host.value = '';
      this.textChanged();
    }
  }

  // ---- Filters ------------------------------------------------------------------------------

  /** The fields of the `filters` attribute. */
  private get filterFields(): string[] {
    return filterFieldNames(this.host.element.filters);
  }

  /** A checkbox changed: search again at once; focus stays on the checkbox. */
  private filterChanged(field: string, value: string, checked: boolean): void {
    const values = (this.selection[field] ?? []).filter((chosen) => chosen !== value);
    if (checked) values.push(value);
    this.selection = { ...this.selection, [field]: values };
    this.filtersApplied();
  }

  /** "Filter zurücksetzen": its button goes away, so focus moves to the disclosure button. */
  private async resetFilters(): Promise<void> {
    this.selection = {};
    this.filtersApplied();
    const element = this.host.element;
    await element.updateComplete;
    element.renderRoot.querySelector<HTMLElement>('#filter-toggle')?.focus();
  }

  private filtersApplied(): void {
    this.visibleLimit = this.host.pageSize;
    this.changed();
    if (this.source && this.host.query.length >= this.host.minLength && !this.error) {
      void this.run('filter');
    } else {
      this.syncUrlNow();
    }
  }

  private filtersContext(): FiltersContext | undefined {
    const fields = this.filterFields;
    const results = this.shown?.results;
    if (!fields.length || !results) return undefined;
    const active = activeFilters(this.selection, fields);
    const text = this.host.text;
    return {
      text,
      lang: this.host.lang,
      contentLang: this.contentLang,
      fields: this.filterValues.fields(fields, results, active, text, this.contentLang),
      open: this.filtersOpen,
      active: activeCount(active),
      onToggle: () => {
        this.filtersOpen = !this.filtersOpen;
        this.changed();
      },
      onChange: (field, value, checked) => this.filterChanged(field, value, checked),
      onReset: () => void this.resetFilters(),
    };
  }

  private changed(): void {
    this.host.element.requestUpdate();
  }

  // ---- Rendering ----------------------------------------------------------------------------

  /** Language of the index's text: its own, else German (the content this widget is for). */
  private get contentLang(): string {
    const language = this.source?.language;
    return typeof language === 'string' && language.trim() ? language.trim() : 'de';
  }

  renderListbox(): TemplateResult {
    const text = this.host.text;
    const active = this.combobox.activeIndex;
    const contentLang = this.contentLang;
    // mousedown would blur the input (and close the list) before the click selects.
    return html`
      <ul
        id="listbox"
        role="listbox"
        part="listbox"
        aria-label=${text.suggestions}
        ?hidden=${!this.combobox.open}
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

  /** The part below the form, and the "Datenstand". */
  renderBody(): unknown {
    return html`${this.renderState()} ${dataDateView(this.host.text, this.dataDate)}`;
  }

  private renderState(): TemplateResult | typeof nothing {
    const { text, query, minLength } = this.host;
    const context = this.viewContext();
    switch (this.state) {
      case 'idle':
        return topicsView(context, context.level);
      case 'loading':
        return statusView(text.loading);
      case 'typing':
        if (query.length < minLength) return statusView(text.tooShort(minLength));
        // The previous results stay until the next ones arrive (no flicker with a source that
        // answers asynchronously), marked busy while they are stale.
        if (this.shown) return resultsView(context, { ...this.shown, stale: true });
        return this.searching ? statusView(text.searching) : nothing;
      case 'error':
        return errorView(context, query);
      default:
        return this.shown ? resultsView(context, this.shown) : nothing;
    }
  }

  private viewContext(): ViewContext {
    const element = this.host.element;
    const contact = element.contactUrl?.trim();
    return {
      text: this.host.text,
      lang: this.host.lang,
      level: headingLevel(element.headingLevel, 2),
      theme: element.theme,
      strings: element.strings,
      server: this.host.serverSearch,
      contentLang: this.contentLang,
      instanceName: this.host.instanceName,
      contact: contact && isSafeUrl(contact) ? contact : undefined,
      topics: Array.isArray(element.topics) ? element.topics : [],
      hasDataDate: !!this.dataDate,
      onTopic: (topic) => this.searchFor(topic),
      onRetry: () => this.retry(),
      onMore: () => void this.showMore(),
      filters: this.filtersContext(),
    };
  }

  /** "Datenstand" of the loaded index, formatted; undefined if unknown or malformed. */
  private get dataDate(): string | undefined {
    const date = this.source?.dataDate;
    return typeof date === 'string' ? formatDate(this.host.lang, date, 'long') : undefined;
  }
}
