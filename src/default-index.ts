/**
 * The bundled cooperation index, used when a widget has neither `index` nor `index-src`. It is a
 * dynamic import so bundlers put the (large) JSON in its own chunk, fetched only when a visitor
 * first focuses or types into a search box. All widgets share the one loaded index.
 */
import { loadIndex, type SearchIndex } from './core/index.js';

let loading: Promise<SearchIndex> | undefined;

export function loadDefaultIndex(): Promise<SearchIndex> {
  loading ??= import('./generated/default-index.json')
    .then((module: { default: unknown }) => loadIndex(module.default))
    .catch((error: unknown) => {
      // Let a later attempt ("Erneut versuchen") import again, e.g. after a network failure.
      loading = undefined;
      throw error;
    });
  return loading;
}
