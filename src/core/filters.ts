/**
 * Filter fields: which values a document has in each, and the reserved index key under which the
 * documents with a value are found. Shared by the builder and the search.
 *
 * A filter key is `!field:value`. Analysis never produces a key with `!`: word keys are letters,
 * marks and digits, phrase keys start with `=`. So completions, the vocabulary and typo lookups
 * never meet a filter key, and in a sharded index all filter keys sort together before every
 * word key (`!` is below digits and letters), usually into the first term shard.
 */
import type { SearchDocument } from './types.js';

export const FILTER_MARK = '!';

/** The built-in filter fields, in the order a UI lists them. */
export const BUILT_IN_FILTER_FIELDS = ['category', 'type', 'levels', 'partners'] as const;

/** The index key of the documents whose `field` has `value`. Field names hold no `:`. */
export function filterKey(field: string, value: string): string {
  return `${FILTER_MARK}${field}:${value}`;
}

/**
 * A document's filter values by field: the built-in fields, then `filters` (a name of
 * `filters` that is also a built-in field adds to its values). Each value once.
 */
export function documentFilters(doc: SearchDocument): Map<string, string[]> {
  const byField = new Map<string, Set<string>>();
  const add = (field: string, values: readonly (string | undefined)[] | undefined) => {
    for (const value of values ?? []) {
      if (!value) continue;
      let set = byField.get(field);
      if (!set) byField.set(field, (set = new Set()));
      set.add(value);
    }
  };
  add('category', [doc.category]);
  add('type', [doc.type]);
  add('levels', doc.levels);
  add('partners', doc.partners);
  for (const [field, values] of Object.entries(doc.filters ?? {})) add(field, values);
  return new Map([...byField].map(([field, values]) => [field, [...values]]));
}
