/**
 * Defines `<hzd-search>` and `<hzd-result-card>` (once: a second copy of the library on the page
 * does not throw). Imported by the npm entry and by the script-tag entry, which needs nothing
 * else.
 */
import { HzdResultCard } from './components/result-card/result-card.js';
import { HzdSearch } from './components/search/search.js';

for (const [tag, element] of [
  ['hzd-result-card', HzdResultCard],
  ['hzd-search', HzdSearch],
] as const) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
