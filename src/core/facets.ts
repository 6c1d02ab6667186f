/**
 * Filters and facet counts at search time, from the reserved filter keys (see filters.ts) and
 * the filter values of the index header; no document is read, so a sharded index needs only
 * the term shard(s) of the filter keys, fetched with the query's own keys.
 *
 * Filters: OR within a field, AND across fields. Facets count the documents matching the query
 * per value, disjunctively (as Algolia and Pagefind do): a field's own filter is left out of its
 * counts, so a visitor sees how many hits each further value of that field would add, while
 * the filters of the other fields apply.
 *
 * Options come from pages and URLs: anything that is not the documented shape is ignored
 * rather than thrown at, and lists are cut so that hostile input cannot make a search slow.
 */
import { filterKey } from './filters.js';
import type { IndexStore } from './store.js';
import type { FilterValues } from './types.js';

/** More fields or values than any real filter UI asks for. */
const MAX_FIELDS = 50;
const MAX_VALUES_PER_FIELD = 1000;

/** The filter fields of an index and their values with document counts, for lookups. */
export class FilterCatalog {
  private readonly fields = new Map<string, Map<string, number>>();

  constructor(readonly values: FilterValues) {
    for (const [field, list] of Object.entries(values)) {
      this.fields.set(field, new Map(list));
    }
  }

  /** The values of `field` in the index's order, or undefined for a field it does not have. */
  valuesOf(field: string): ReadonlyMap<string, number> | undefined {
    return this.fields.get(field);
  }
}

/** The `filters` option as field → distinct text values; other shapes are ignored. */
export function readFilters(option: unknown): Map<string, string[]> {
  const filters = new Map<string, string[]>();
  if (typeof option !== 'object' || option === null || Array.isArray(option)) return filters;
  for (const field of Object.keys(option).slice(0, MAX_FIELDS)) {
    const raw = (option as Record<string, unknown>)[field];
    const list = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : [];
    const values = new Set<string>();
    for (let i = 0; i < Math.min(list.length, MAX_VALUES_PER_FIELD); i++) {
      const value: unknown = list[i];
      if (typeof value === 'string') values.add(value);
    }
    // No value given: no constraint (a filter UI with nothing ticked).
    if (values.size) filters.set(field, [...values]);
  }
  return filters;
}

/** The `facets` option as distinct field names; other shapes are ignored. */
export function readFacets(option: unknown): string[] | undefined {
  if (!Array.isArray(option)) return undefined;
  const names = new Set<string>();
  for (let i = 0; i < option.length && names.size < MAX_FIELDS; i++) {
    const name: unknown = option[i];
    if (typeof name === 'string') names.add(name);
  }
  return [...names];
}

/** The filters and facets of one search, resolved against the index. */
export class FilterPlan {
  /** Per document: how many filtered fields it fails (0: it passes them all). */
  private readonly fails: Uint8Array | undefined;
  /** Per filtered field: which documents pass it. */
  private readonly allowed = new Map<string, Uint8Array>();
  /** The documents of each value of each facet field, in the index's value order. */
  private readonly facetDocuments = new Map<string, [string, Uint32Array][]>();

  constructor(
    private readonly catalog: FilterCatalog,
    private readonly store: IndexStore,
    filters: ReadonlyMap<string, readonly string[]>,
    private readonly facets: readonly string[] = [],
  ) {
    const n = store.documentCount;
    // Every key is asked for here, before ranking, so a sharded index fetches them in the
    // query's first round, with its words.
    for (const [field, values] of filters) {
      const passes = new Uint8Array(n);
      const known = catalog.valuesOf(field);
      // An unknown field or value lets no document through (the index has none with it).
      for (const value of values) {
        if (!known?.has(value)) continue;
        for (const document of this.documentsOf(field, value)) passes[document] = 1;
      }
      this.allowed.set(field, passes);
    }
    if (this.allowed.size) {
      this.fails = new Uint8Array(n);
      for (const passes of this.allowed.values()) {
        for (let d = 0; d < n; d++) if (!passes[d]) this.fails[d]!++;
      }
    }
    for (const field of facets) {
      const known = catalog.valuesOf(field);
      this.facetDocuments.set(
        field,
        [...(known?.keys() ?? [])].map((value) => [value, this.documentsOf(field, value)]),
      );
    }
  }

  /** Whether `document` has a value of every filtered field. */
  passes(document: number): boolean {
    return !this.fails || this.fails[document] === 0;
  }

  /**
   * Value counts of each facet field among `matching` (the documents matching the query,
   * before filters), each field's own filter left out. Values without documents are left out.
   */
  facetCounts(matching: Iterable<number>): Record<string, Record<string, number>> {
    const matched = new Uint8Array(this.store.documentCount);
    for (const document of matching) matched[document] = 1;
    // fromEntries defines own properties: values such as "__proto__" stay plain data.
    return Object.fromEntries(
      this.facets.map((field) => {
        const own = this.allowed.get(field);
        const counts: [string, number][] = [];
        for (const [value, documents] of this.facetDocuments.get(field) ?? []) {
          let count = 0;
          for (const d of documents) {
            if (!matched[d]) continue;
            const fails = this.fails ? this.fails[d]! - (own && !own[d] ? 1 : 0) : 0;
            if (fails === 0) count++;
          }
          if (count > 0) counts.push([value, count]);
        }
        // Stable: equal counts keep the index's order of values.
        counts.sort((a, b) => b[1] - a[1]);
        return [field, Object.fromEntries(counts)];
      }),
    );
  }

  private documentsOf(field: string, value: string): Uint32Array {
    return this.store.postings(filterKey(field, value))?.documents ?? new Uint32Array(0);
  }
}
