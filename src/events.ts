/**
 * Typed events of the widget. All bubble and are composed, so a page can listen on `<hzd-search>`
 * or any ancestor (events from a result card cross the search's shadow root).
 */
import type { IndexErrorCode, SearchSourceErrorCode } from './core/errors.js';
import type { SearchHit, SectionHit } from './core/types.js';

/**
 * Why the widget is in its error state: the core's index errors, plus what can go wrong while
 * fetching (`not-found`: HTTP 404/410, `http`: another HTTP error, `network`, `timeout`) or while
 * searching with a custom source (`search-failed`), or a server-backed source's own code
 * (SearchSourceError: `network`, `timeout`, `server`, `malformed`).
 */
export type HzdErrorCode =
  | IndexErrorCode
  | SearchSourceErrorCode
  | 'not-found'
  | 'http'
  | 'network'
  | 'timeout'
  | 'search-failed';

export interface HzdSearchDetail {
  /** The query as the visitor submitted it. */
  query: string;
  /** Number of matching documents (not only those shown). */
  total: number;
  /**
   * The filters the search ran with: field → chosen values (OR within a field, AND across
   * fields); `{}` when none are chosen.
   */
  filters: Record<string, string[]>;
}

export interface HzdSelectDetail {
  /** The chosen hit: a result card's link or a page suggestion. */
  hit: SearchHit;
  /** The query the hit was found for. */
  query: string;
  /** The URL being opened: the hit's, or the chosen section's (`url#anchor`). */
  url: string;
  /** The section of the page that was chosen, when a section link was. */
  section?: SectionHit;
}

export interface HzdErrorDetail {
  code: HzdErrorCode;
  /** For webmasters (English): what is wrong and what to do. Visitors see a translated text. */
  message: string;
}

/** A search was submitted (Enter, the button, a completion, a topic or `search()`). */
export type HzdSearchEvent = CustomEvent<HzdSearchDetail>;
/** A hit was chosen. Cancelable: call `preventDefault()` to route in a single-page app. */
export type HzdSelectEvent = CustomEvent<HzdSelectDetail>;
/** The index could not be loaded, or a search failed. */
export type HzdErrorEvent = CustomEvent<HzdErrorDetail>;

export interface HzdEventMap {
  'hzd-search': HzdSearchEvent;
  'hzd-select': HzdSelectEvent;
  'hzd-error': HzdErrorEvent;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hzd-search': HzdSearchEvent;
    'hzd-select': HzdSelectEvent;
    'hzd-error': HzdErrorEvent;
  }
}

/** Creates one of the widget's events with the right flags and detail type. */
export function hzdEvent<K extends keyof HzdEventMap>(
  type: K,
  detail: HzdEventMap[K]['detail'],
): HzdEventMap[K] {
  return new CustomEvent(type, {
    detail,
    bubbles: true,
    composed: true,
    cancelable: type === 'hzd-select',
  }) as HzdEventMap[K];
}
