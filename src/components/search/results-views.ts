/**
 * The parts of `<hzd-search>` below the form once a visitor searches, as plain functions of what
 * to show: the error box, the results region (cards, paging), the "no results" help and the
 * "Datenstand". Keeping them out of the element class leaves it with state and behaviour only.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { SearchResults, Suggestions } from '../../core/types.js';
import type { HzdLanguage, HzdStrings } from '../../i18n/index.js';
import { heading } from '../shared/heading.js';
import { filtersView, type FiltersContext } from './filters.js';
import { topicsView, type TopicsContext } from './topics-view.js';
import { serverSearchUrl, type ServerSearch } from './url-sync.js';

export interface ViewContext extends TopicsContext {
  lang: HzdLanguage;
  theme?: string;
  /** The host's string overrides, passed on to the cards. */
  strings?: Partial<HzdStrings>;
  /** The site's server search (its URL already checked with `isSafeUrl`). */
  server?: ServerSearch;
  /** Language of the index's text (titles, snippets, corrections). */
  contentLang: string;
  /** Suffix that tells this instance's regions apart from other search boxes on the page. */
  instanceName?: string;
  /** A contact page (already checked). */
  contact?: string;
  /** Whether "Datenstand" is rendered (it describes the results region). */
  hasDataDate: boolean;
  /** The filter panel, when the element names filter fields and results are shown. */
  filters?: FiltersContext;
  onRetry(): void;
  onMore(): void;
}

export interface ResultsView {
  query: string;
  results: SearchResults;
  suggestions: Suggestions;
  /** The results are for an earlier text; newer ones are on their way (`aria-busy`). */
  stale?: boolean;
}

function subLevel(context: ViewContext): number {
  return Math.min(context.level + 1, 6);
}

/** The index could not be loaded (or a search failed): what now, retry, the site search. */
export function errorView(context: ViewContext, query: string): TemplateResult {
  const site = context.server ? serverSearchUrl(context.server, query) : undefined;
  return html`
    <div part="error" class="error">
      <p class="error-text">${context.text.error}</p>
      <div class="actions">
        <button type="button" class="secondary" @click=${context.onRetry}>
          ${context.text.retry}
        </button>
        ${site ? html`<a class="action" href=${site}>${context.text.siteSearch}</a>` : nothing}
      </div>
    </div>
  `;
}

/**
 * The results region: a section named by its heading, the count, and either the cards or the
 * "no results" help. Never `aria-live`: counts are announced through the status regions.
 */
export function resultsView(context: ViewContext, view: ResultsView): TemplateResult {
  const { text } = context;
  const { results, query } = view;
  return html`
    <section
      part="results"
      class="results"
      aria-labelledby=${context.instanceName ? 'results-heading instance-name' : 'results-heading'}
      aria-describedby=${context.hasDataDate ? 'data-date' : nothing}
      aria-busy=${view.stale ? 'true' : nothing}
    >
      ${heading(
        context.level,
        { id: 'results-heading', className: 'section-heading', part: 'results-heading' },
        text.resultsHeading,
      )}
      <p id="count" part="count" class="count">
        ${results.total > 0 ? text.resultCount(results.total, query) : text.noResults(query)}
      </p>
      ${
        results.total > 0 && missingWords(results).length
          ? html`<p part="missing" class="missing">
              ${text.resultsWithout(missingWords(results))}
            </p>`
          : nothing
      }
      ${context.filters ? filtersView(context.filters) : nothing}
      ${results.total > 0 ? hitsView(context, view) : noResultsView(context, view)}
    </section>
  `;
}

function hitsView(context: ViewContext, { results, query }: ResultsView): TemplateResult {
  const { text } = context;
  const more = results.total > results.hits.length;
  const all = more && context.server ? serverSearchUrl(context.server, query) : undefined;
  let paging: TemplateResult | typeof nothing = nothing;
  if (all) {
    paging = html`<a part="more" class="action more" href=${all}>
      ${text.allResults(results.total)}
    </a>`;
  } else if (more) {
    paging = html`<button type="button" part="more" class="secondary more" @click=${context.onMore}>
      ${text.moreResults}
    </button>`;
  }
  return html`
    <ol role="list" part="list" class="hits">
      ${results.hits.map(
        // By position: a new query re-uses the cards already on screen (results only change
        // while focus is in the field, and "more" only appends).
        (hit) => html`
          <li>
            <hzd-result-card
              exportparts="card, heading, link, title, snippet, mark, meta, type, sections, section, section-link, section-snippet"
              lang=${context.lang}
              content-lang=${context.contentLang}
              theme=${context.theme ?? nothing}
              heading-level=${subLevel(context)}
              .hit=${hit}
              .query=${query}
              .strings=${context.strings}
            ></hzd-result-card>
          </li>
        `,
      )}
    </ol>
    ${paging}
  `;
}

/** No results: help, "Meinten Sie …?", a way out (site search, contact) and the topics. */
function noResultsView(context: ViewContext, { suggestions, query }: ResultsView): TemplateResult {
  const { text } = context;
  const correction = suggestions.correction;
  const site = context.server ? serverSearchUrl(context.server, query) : undefined;
  const ways = [
    site ? html`<li><a class="action" href=${site}>${text.siteSearch}</a></li>` : nothing,
    context.contact
      ? html`<li><a class="action" href=${context.contact}>${text.contact}</a></li>`
      : nothing,
  ];
  return html`
    <p class="help">${context.filters?.active ? text.filteredNoResults : text.noResultsHelp}</p>
    ${
      correction
        ? html`<p part="correction" class="help">
            ${text.didYouMean}
            <button
              type="button"
              class="link-button content"
              lang=${context.contentLang}
              @click=${() => context.onTopic(correction)}
            >
              ${correction}</button
            >?
          </p>`
        : nothing
    }
    ${
      site || context.contact
        ? html`
            ${heading(
              subLevel(context),
              { id: 'ways-heading', className: 'sub-heading' },
              text.otherWays,
            )}
            <ul role="list" class="inline-list" aria-labelledby="ways-heading">
              ${ways}
            </ul>
          `
        : nothing
    }
    ${topicsView(context, subLevel(context))}
  `;
}

/** "Datenstand: 28. November 2026", visible in every state once the index is known. */
export function dataDateView(text: HzdStrings, date: string | undefined) {
  if (!date) return nothing;
  return html`<p id="data-date" part="data-date" class="data-date">${text.dataDate(date)}</p>`;
}

/** The query words the best results lack (from any source: checked, texts only). */
export function missingWords(results: SearchResults): string[] {
  const words = (results as { missingWords?: unknown }).missingWords;
  return Array.isArray(words)
    ? words.filter((word): word is string => typeof word === 'string' && !!word)
    : [];
}
