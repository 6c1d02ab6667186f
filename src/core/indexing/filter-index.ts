/**
 * Indexes the filter values of documents as reserved keys (see filters.ts) and counts them for
 * the index header, so a UI can list every value and the search can filter and count facets
 * from postings alone, without the documents (which a sharded index fetches only for hits).
 */
import { BUILT_IN_FILTER_FIELDS, documentFilters, filterKey } from '../filters.js';
import type { PostingsWriter } from '../postings.js';
import type { FilterValues, SearchDocument } from '../types.js';

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class FilterIndexer {
  private readonly counts = new Map<string, Map<string, number>>();

  constructor(private readonly writer: PostingsWriter) {}

  /** Adds document number `document` (documents in ascending order, as for TermIndexer). */
  add(document: number, doc: SearchDocument): void {
    for (const [field, values] of documentFilters(doc)) {
      let counts = this.counts.get(field);
      if (!counts) this.counts.set(field, (counts = new Map()));
      for (const value of values) {
        counts.set(value, (counts.get(value) ?? 0) + 1);
        // No entries: the key only says which documents have the value; it is never scored.
        this.writer.add(filterKey(field, value), document, []);
      }
    }
  }

  /** Built-in fields first, then the others by name; values most frequent first, then by value. */
  filterValues(): FilterValues {
    const builtIn: readonly string[] = BUILT_IN_FILTER_FIELDS;
    const fields = [...this.counts.keys()].sort(
      (a, b) =>
        (builtIn.includes(a) ? builtIn.indexOf(a) : builtIn.length) -
          (builtIn.includes(b) ? builtIn.indexOf(b) : builtIn.length) || compare(a, b),
    );
    // fromEntries defines own properties: a field named like a prototype member stays data.
    return Object.fromEntries(
      fields.map((field) => [
        field,
        [...this.counts.get(field)!].sort((a, b) => b[1] - a[1] || compare(a[0], b[0])),
      ]),
    );
  }
}
