/**
 * --lang: which documents belong to the index of a language. `de` takes `de`, `de-DE` and `de-AT`;
 * `de-AT` only `de-AT` (and its variants). Documents that name no language are German, the
 * language the index is built for by default.
 */
import type { SearchDocument } from '../core/index.js';

export const DEFAULT_LANGUAGE = 'de';

export function inLanguage(doc: SearchDocument, wanted: string): boolean {
  const lang = (doc.lang ?? DEFAULT_LANGUAGE).toLowerCase();
  const tag = wanted.toLowerCase();
  return lang === tag || lang.startsWith(`${tag}-`);
}
