/**
 * Entry of the script-tag builds (dist/hzd-search.js and dist/hzd-search.iife.js): the search box
 * and a loader, nothing else. What searching needs (the session and `<hzd-result-card>`,
 * dist/hzd-search.session.js), the engine (hzd-search.worker.js) and the cooperation
 * index (hzd-kooperationen.index.json) are files next to the script, fetched on first focus or
 * when the page is idle.
 */
// First: the classic script finds the files next to it from its own URL, known only now.
import './backends/static/script-url.js';
import { HzdSearch } from './components/search/search.js';

if (!customElements.get('hzd-search')) customElements.define('hzd-search', HzdSearch);
