/**
 * The bundled cooperation index, used when a widget has neither `index` nor `index-src`. It is a
 * file of its own next to the script (not inside it), fetched when a visitor first focuses or
 * types into a search box, and opened in the page's engine like any `index-src`. All widgets
 * share the one loaded index.
 */
import { defaultIndexScript, defaultIndexUrl } from './backends/static/locations.js';
import { loadIndexFromUrl, type LoadOptions } from './controllers/index-source.js';
import type { SearchSource } from './controllers/search-controller.js';

export function loadDefaultIndex(options: LoadOptions = {}): Promise<SearchSource> {
  const script = defaultIndexScript();
  return loadIndexFromUrl(defaultIndexUrl(), script ? { ...options, script } : options);
}
