/**
 * The filter panel of `<hzd-search filters="…">`: which values each field lists with which count,
 * and its template (a disclosure button, one fieldset of checkboxes per field, a reset button).
 * Part of the session module, so a page that never searches never loads it.
 *
 * Values are listed in a stable order (alphabetical in the content's language), never by count:
 * ticking a box changes the counts of the other fields, and a list that re-sorted itself would
 * move the boxes away under the visitor's focus and pointer.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { withoutBidiControls } from '../../core/text.js';
import type { SearchResults } from '../../core/types.js';
import { formatNumber, type HzdLanguage, type HzdStrings } from '../../i18n/index.js';

/** Chosen values per field: OR within a field, AND across fields. */
export type FilterSelection = Record<string, string[]>;

/** One checkbox of the panel. */
export interface FilterOption {
  value: string;
  /** Documents of the current query with this value; undefined if the source did not count. */
  count: number | undefined;
  checked: boolean;
}

export interface FilterField {
  field: string;
  legend: string;
  options: FilterOption[];
}

/** `object[key]` if `object` has it as its own property (never an inherited `constructor`). */
function own(object: unknown, key: string): unknown {
  return typeof object === 'object' && object && Object.prototype.hasOwnProperty.call(object, key)
    ? (object as Record<string, unknown>)[key]
    : undefined;
}

/** The fields whose card labels serve as their legends. */
const CARD_LABELS = ['category', 'type', 'levels', 'partners'] as const;

/** `filters="category, type"` as given: trimmed, without empty names or repeats. */
export function filterFieldNames(fields: unknown): string[] {
  if (!Array.isArray(fields)) return [];
  const names = fields
    .filter((field): field is string => typeof field === 'string')
    .map((field) => field.trim())
    .filter(Boolean);
  return [...new Set(names)];
}

/** The legend of `field`: the site's `filterLabels`, the card's label, else the field's name. */
export function filterLegend(text: HzdStrings, field: string): string {
  const label = own(text.filterLabels, field);
  if (typeof label === 'string' && label.trim()) return label;
  const card = CARD_LABELS.find((name) => name === field);
  return card ? text[card] : field;
}

/** The selection restricted to `fields`, without empty fields (what a search is asked for). */
export function activeFilters(
  selection: FilterSelection,
  fields: readonly string[],
): FilterSelection {
  const active: FilterSelection = {};
  for (const field of fields) {
    const values = own(selection, field);
    if (Array.isArray(values) && values.length) active[field] = [...(values as string[])];
  }
  return active;
}

/** Number of chosen values (the figure on the disclosure button). */
export function activeCount(selection: FilterSelection): number {
  return Object.values(selection).reduce((sum, values) => sum + values.length, 0);
}

/** The counts of `field` in `results`, checked (a custom source may send anything). */
function facetCounts(results: SearchResults, field: string): Map<string, number> | undefined {
  const counts = own(results.facets, field);
  if (typeof counts !== 'object' || !counts) return undefined;
  const valid = new Map<string, number>();
  for (const [value, count] of Object.entries(counts)) {
    if (value.trim() && Number.isFinite(count) && (count as number) >= 0) {
      valid.set(value, Math.trunc(count as number));
    }
  }
  return valid;
}

/**
 * The values of one field of `SearchSource.filterValues`: `[value, documentCount]` pairs (the
 * static index), or a `{ value: count }` map (as another source may send it); checked.
 */
function sourceValues(list: unknown): string[] {
  const values: unknown[] = Array.isArray(list)
    ? list.map((entry: unknown) => (Array.isArray(entry) ? entry[0] : undefined))
    : typeof list === 'object' && list
      ? Object.keys(list)
      : [];
  return values.filter((value): value is string => typeof value === 'string' && !!value.trim());
}

/**
 * Remembers the values each field has had, so that a value the current query does not find
 * stays in the list (with 0) instead of disappearing, and the list does not jump. The source's
 * `filterValues` (every value in the index), when it has them, are known from the start.
 */
export class FilterValueMemory {
  private readonly seen = new Map<string, Set<string>>();
  private collator?: { lang: string; compare: (a: string, b: string) => number };

  /** Alphabetical order in the content's language (a malformed tag from an index: German). */
  private compare(lang: string): (a: string, b: string) => number {
    if (this.collator?.lang !== lang) {
      let collator: Intl.Collator;
      try {
        collator = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
      } catch {
        collator = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });
      }
      // Values equal to the collator ("Land", "land") still get one fixed order.
      const compare = (a: string, b: string) =>
        collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
      this.collator = { lang, compare };
    }
    return this.collator.compare;
  }

  /** Adds the values of the source's full list and of `results`' counts. */
  remember(fields: readonly string[], results: SearchResults | undefined, all?: unknown): void {
    for (const field of fields) {
      const known = this.seen.get(field) ?? new Set<string>();
      for (const value of sourceValues(own(all, field))) known.add(value);
      if (results) for (const value of facetCounts(results, field)?.keys() ?? []) known.add(value);
      this.seen.set(field, known);
    }
  }

  forget(): void {
    this.seen.clear();
  }

  /** The panel's fields: every known or chosen value with its count for `results`. */
  fields(
    fields: readonly string[],
    results: SearchResults,
    selection: FilterSelection,
    text: HzdStrings,
    contentLang: string,
  ): FilterField[] {
    const compare = this.compare(contentLang);
    return fields.map((field) => {
      const counts = facetCounts(results, field);
      const chosen = (own(selection, field) as string[] | undefined) ?? [];
      const values = new Set([...(this.seen.get(field) ?? []), ...chosen]);
      const options = [...values].sort(compare).map((value) => ({
        value,
        // Counted by the source: a value it did not list has no documents for this query.
        count: counts ? (counts.get(value) ?? 0) : undefined,
        checked: chosen.includes(value),
      }));
      return { field, legend: filterLegend(text, field), options };
    });
  }
}

export interface FiltersContext {
  text: HzdStrings;
  lang: HzdLanguage;
  contentLang: string;
  fields: FilterField[];
  open: boolean;
  active: number;
  onToggle(): void;
  onChange(field: string, value: string, checked: boolean): void;
  onReset(): void;
}

/** A value can be chosen if it has documents, or is chosen (so it can be unticked). */
function available(option: FilterOption): boolean {
  return option.checked || option.count === undefined || option.count > 0;
}

/**
 * The disclosure button, the reset button while filters are chosen, and the panel. Nothing when
 * no field has a value to offer (a query without results and no filters chosen).
 */
export function filtersView(context: FiltersContext): TemplateResult | typeof nothing {
  const { text, fields } = context;
  const offered = fields.filter((field) => field.options.some(available));
  if (!offered.length && !context.active) return nothing;
  return html`
    <div part="filters" class="filters">
      <div class="filter-bar">
        <button
          id="filter-toggle"
          type="button"
          part="filter-toggle"
          class="secondary filter-toggle"
          aria-expanded=${context.open ? 'true' : 'false'}
          aria-controls="filter-panel"
          @click=${context.onToggle}
        >
          ${text.filterButton(context.active)}
        </button>
        ${
          context.active
            ? html`<button
                type="button"
                part="filter-reset"
                class="secondary"
                @click=${context.onReset}
              >
                ${text.filterReset}
              </button>`
            : nothing
        }
      </div>
      <div id="filter-panel" part="filter-panel" class="filter-panel" ?hidden=${!context.open}>
        ${repeat(
          fields.filter((field) => field.options.length),
          (field) => field.field,
          (field) => fieldView(context, field),
        )}
      </div>
    </div>
  `;
}

function fieldView(context: FiltersContext, field: FilterField): TemplateResult {
  return html`
    <fieldset part="filter-group" class="filter-group">
      <legend>${field.legend}</legend>
      <ul role="list" class="filter-options">
        ${repeat(
          field.options,
          (option) => option.value,
          (option) => html`
            <li>
              <label class=${available(option) ? 'filter-option' : 'filter-option unavailable'}>
                <input
                  type="checkbox"
                  .checked=${option.checked}
                  ?disabled=${!available(option)}
                  @change=${(event: Event) =>
                    context.onChange(
                      field.field,
                      option.value,
                      (event.target as HTMLInputElement).checked,
                    )}
                />
                <span
                  ><span class="content" lang=${context.contentLang}
                    >${withoutBidiControls(option.value)}</span
                  >${
                    option.count === undefined
                      ? nothing
                      : ` (${formatNumber(context.lang, option.count)})`
                  }</span
                >
              </label>
            </li>
          `,
        )}
      </ul>
    </fieldset>
  `;
}
