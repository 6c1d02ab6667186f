/**
 * Markup hints in built HTML, ours (`data-hzd-*`) and Pagefind's (`data-pagefind-*`) with the same
 * meaning, so a site that used Pagefind keeps its markup:
 *
 * - `data-*-body`: only the text inside such elements is indexed; once any page of a site has one,
 *   pages without are left out.
 * - `data-*-ignore`: the element's text is left out; with the value `all` also its meta and filters.
 * - `data-*-meta="title"`: a field from the element's text, `key[attr]` from an attribute,
 *   `key:value` given inline (only last in a list, and to the end of it); comma-separated.
 *   `data-*-default-meta`: the same, used only where nothing else gives the field.
 * - `data-*-filter="category"`: filter values, in the same syntax; several values per filter.
 */
import { attribute, elements, oneLine, textOf, type Element, type Node } from './html-dom.js';

const PREFIXES = ['data-hzd-', 'data-pagefind-'];

export function hint(element: Element, name: string): string | undefined {
  for (const prefix of PREFIXES) {
    const value = attribute(element, prefix + name);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** `data-*-ignore` with any value: the element's text is not indexed. */
export function isIgnored(element: Element): boolean {
  return hint(element, 'ignore') !== undefined;
}

/** `data-*-ignore="all"`: not even the meta and filters inside count. */
export function isIgnoredAll(element: Element): boolean {
  return hint(element, 'ignore')?.trim() === 'all';
}

export function isBodyRoot(element: Element): boolean {
  return hint(element, 'body') !== undefined;
}

export function sectionTitle(element: Element): string | undefined {
  const title = hint(element, 'title')?.trim();
  return title || undefined;
}

interface Capture {
  key: string;
  value: string;
}

/** The captures of one attribute value, e.g. `title, image[src], date:2026-01-01`. */
function captures(spec: string, element: Element): Capture[] {
  const result: Capture[] = [];
  let rest = spec;
  while (rest.trim()) {
    const match = /^\s*([^,:[\]]+?)\s*(?:\[\s*([^\]]+?)\s*\])?\s*(,|:|$)/.exec(rest);
    if (!match) break;
    const [whole, key, attr, separator] = match as unknown as [
      string,
      string,
      string | undefined,
      string,
    ];
    if (separator === ':') {
      // Inline value: everything after the colon, commas included.
      result.push({ key, value: rest.slice(whole.length).trim() });
      break;
    }
    const value =
      attr === undefined ? oneLine(textOf(element, isIgnored)) : (attribute(element, attr) ?? '');
    result.push({ key, value: value.trim() });
    rest = rest.slice(whole.length);
  }
  return result.filter((capture) => capture.key && capture.value);
}

export interface PageHints {
  /** One value per key: the first on the page. */
  meta: Map<string, string>;
  defaultMeta: Map<string, string>;
  /** Filter name → values in page order, without repeats. */
  filters: Map<string, string[]>;
}

/** The meta and filter hints anywhere in the document, except inside `data-*-ignore="all"`. */
export function pageHints(document: Node): PageHints {
  const hints: PageHints = { meta: new Map(), defaultMeta: new Map(), filters: new Map() };
  for (const element of elements(document, isIgnoredAll)) {
    const meta = hint(element, 'meta');
    if (meta !== undefined) {
      for (const { key, value } of captures(meta, element))
        if (!hints.meta.has(key)) hints.meta.set(key, value);
    }
    const defaultMeta = hint(element, 'default-meta');
    if (defaultMeta !== undefined) {
      for (const { key, value } of captures(defaultMeta, element))
        if (!hints.defaultMeta.has(key)) hints.defaultMeta.set(key, value);
    }
    const filter = hint(element, 'filter');
    if (filter !== undefined) {
      for (const { key, value } of captures(filter, element)) {
        const values = hints.filters.get(key) ?? [];
        if (!values.includes(value)) values.push(value);
        hints.filters.set(key, values);
      }
    }
  }
  return hints;
}
