/**
 * Strings of the widget, one object per language. Texts that depend on a number are functions, so
 * each language chooses its own plural forms (via Intl.PluralRules) and number formatting. Hosts
 * override single strings through the components' `strings` property.
 */
import { de } from './de.js';
import { en } from './en.js';
import { formatDate, formatNumber, pluralCategory, shorten, type HzdLanguage } from './format.js';

export type { HzdLanguage };
export { formatDate, formatNumber, pluralCategory, shorten };

export interface HzdStrings {
  /** Visible label of the search field. */
  label: string;
  /** Visible hint below the label. */
  hint: string;
  /** Placeholder of the input; empty means none (a placeholder is never a label). */
  placeholder: string;
  /** Visually hidden usage instructions, read as part of the input's description. */
  instructions: string;
  submit: string;
  clear: string;
  /** Accessible name of the suggestion list. */
  suggestions: string;
  /** Visible tag of suggestions that open a page directly. */
  pageSuggestion: string;
  /** Announced with the result count while suggestions are open: "5 Vorschläge verfügbar." */
  suggestionCount: (count: number) => string;
  /**
   * Added to the names of the search landmark and the results region when a page has several
   * search boxes and nothing else tells them apart: "Suche 2".
   */
  instanceName: (position: number) => string;
  resultsHeading: string;
  /** "12 Ergebnisse für „Wohngeld“". */
  resultCount: (total: number, query: string) => string;
  /** No document has every word: "Ergebnisse ohne: eigene" (the words the results lack). */
  resultsWithout: (words: string[]) => string;
  /** "Keine Ergebnisse für „xyz“." */
  noResults: (query: string) => string;
  noResultsHelp: string;
  /** Text before the corrected query: "Meinten Sie" „…“? */
  didYouMean: string;
  tooShort: (minChars: number) => string;
  loading: string;
  searching: string;
  error: string;
  retry: string;
  /** Link to the site's own (server) search. */
  siteSearch: string;
  contact: string;
  /** Heading of the list of other ways to find something ("way out" of no results). */
  otherWays: string;
  /** "Alle 25 Ergebnisse anzeigen" (link to the site search). */
  allResults: (total: number) => string;
  moreResults: string;
  /** Announced after "more results" added hits: "10 weitere Ergebnisse geladen." */
  moreLoaded: (count: number) => string;
  /** Heading of the curated topics shown before anything is typed. */
  popular: string;
  /** "Datenstand: 28. November 2026". */
  dataDate: (formattedDate: string) => string;
  /** Labels of a result card's metadata. */
  category: string;
  partners: string;
  levels: string;
  updated: string;
  /** Label of the kind of content (`PDF`), on cards and as the legend of the `type` filter. */
  type: string;
  /** The filter disclosure button, with the number of chosen values: "Filter (2 aktiv)". */
  filterButton: (active: number) => string;
  filterReset: string;
  /** Instead of `noResultsHelp` while filters are chosen. */
  filteredNoResults: string;
  /**
   * Legends of filter fields other than `category`, `type`, `levels` and `partners` (which use
   * the card's labels): `{ zielgruppe: 'Zielgruppe' }`. A field without a legend shows its name.
   */
  filterLabels: Record<string, string>;
}

export const translations: Readonly<Record<HzdLanguage, HzdStrings>> = { de, en };

/** Maps any BCP 47 tag to a supported language; German unless it is English. */
export function resolveLanguage(tag: string | null | undefined): HzdLanguage {
  return tag?.trim().toLowerCase().split('-')[0] === 'en' ? 'en' : 'de';
}

/**
 * The language in effect for `element`: its own `lang`, else the closest ancestor's, crossing
 * shadow roots (a card inside `<hzd-search>` follows the search's language).
 */
export function languageOf(element: Element): HzdLanguage {
  let node: Element | null = element;
  while (node) {
    const lang = node.closest('[lang]');
    if (lang) return resolveLanguage(lang.getAttribute('lang'));
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return 'de';
}

/**
 * The strings of `lang` with the host's overrides. Unknown keys and values of the wrong type are
 * ignored; an overriding function that throws or returns no text falls back to the default, so a
 * host's mistake can never break rendering.
 */
export function resolveStrings(lang: HzdLanguage, overrides?: Partial<HzdStrings>): HzdStrings {
  const base = translations[lang];
  if (!overrides || typeof overrides !== 'object') return base;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const fallback: unknown = base[key as keyof HzdStrings];
    if (fallback === undefined || value === null || typeof value !== typeof fallback) continue;
    merged[key] =
      typeof value === 'function'
        ? guarded(value, fallback as (...args: never[]) => string)
        : value;
  }
  return merged as unknown as HzdStrings;
}

function guarded(
  override: (...args: never[]) => unknown,
  fallback: (...args: never[]) => string,
): (...args: never[]) => string {
  return (...args) => {
    try {
      const text = override(...args);
      if (typeof text === 'string') return text;
    } catch {
      // Fall through to the default text.
    }
    return fallback(...args);
  };
}

export { de, en };
