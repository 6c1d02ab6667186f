/**
 * The pages of the browser benchmark, one per engine, and the probe every page gets before its
 * own scripts run. Each page shows a search box and, as the visitor types, the first 10 results
 * as cards (title, URL or excerpt), loading its engine on first focus:
 *
 * - `hzd`: `<hzd-search index-src="/hzd/">` with the built dist/widget/ files, as in the README;
 * - `hzd-file`: the same widget with the same documents as one index file (`--out index.json`),
 *   loaded whole into its worker on first focus: what keystrokes cost when no keystroke fetches
 *   (the trade-off the sharded layout makes for bytes and memory);
 * - `pagefind`: Pagefind's JS API (`pagefind.search()`, then `data()` of the first 10 results,
 *   which fetches their fragments): the same 10 cards with excerpts, no Pagefind UI styling;
 * - `minisearch`: plain MiniSearch in the main thread: fetches the JSON of `toJSON()`, loads it
 *   with `loadJSON`, searches with `{ prefix: true, fuzzy: 0.2 }`, shows title and URL.
 *
 * No engine debounces: every input searches, and results of a query typed over are dropped.
 * Paints are reported to the probe as `__bench.painted(query)`, called in the next animation
 * frame after the results DOM shows that query (for the widget: its count „…“, seen by a
 * MutationObserver in its shadow root, with the results region no longer busy).
 */

export type EngineName = 'hzd' | 'pagefind' | 'minisearch' | 'hzd-file';
export const ENGINES: readonly EngineName[] = ['hzd', 'pagefind', 'minisearch', 'hzd-file'];
export const ENGINE_LABELS: Record<EngineName, string> = {
  hzd: 'hzd-search (sharded)',
  'hzd-file': 'hzd-search (single file)',
  pagefind: 'Pagefind 1.6',
  minisearch: 'plain MiniSearch',
};

/** Options of the plain MiniSearch baseline; `loadJSON` needs the same ones. */
export const PLAIN_OPTIONS = {
  fields: ['title', 'body', 'keywords'],
  storeFields: ['title', 'url'],
};

/** Runs in every page before its scripts (Playwright's addInitScript). */
export const PROBE = `(() => {
  const bench = (window.__bench = { long: [], inputs: [], paints: [] });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.long.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  addEventListener('focusin', () => { if (bench.focus === undefined) bench.focus = performance.now(); }, true);
  addEventListener('input', (event) => {
    const target = event.composedPath()[0];
    bench.inputs.push({ value: String(target.value ?? ''), t: performance.now() });
  }, true);
  bench.painted = (query) => requestAnimationFrame(() => bench.paints.push({ query, t: performance.now() }));
})();`;

function page(body: string, script: string): string {
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Suche</title>
<style>body{font:16px system-ui;margin:2rem}input{font:inherit;width:30rem}li{margin:.5rem 0}</style>
</head><body><main>${body}</main>
<script type="module">${script}</script>
</body></html>`;
}

/** The box and list of the two hand-written pages, and their render step. */
const PLAIN_BODY = `<search><label for="q">Suche</label> <input id="q" type="search" autocomplete="off"></search>
<section id="results" aria-live="off"><p id="count"></p><ol id="hits"></ol></section>`;

const RENDER = `
const input = document.getElementById('q');
const count = document.getElementById('count');
const list = document.getElementById('hits');
let latest = 0;
function render(query, total, cards) {
  count.textContent = total ? total + ' Ergebnisse für „' + query + '“' : 'Keine Ergebnisse für „' + query + '“.';
  list.replaceChildren(...cards.map((card) => {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = card.url;
    link.textContent = card.title;
    const text = document.createElement('p');
    text.textContent = card.text;
    item.append(link, text);
    return item;
  }));
  window.__bench.painted(query);
}`;

const HZD_SCRIPT = `
await customElements.whenDefined('hzd-search');
const element = document.querySelector('hzd-search');
let last;
new MutationObserver(() => {
  const count = element.shadowRoot.querySelector('[part="count"]');
  const region = element.shadowRoot.querySelector('[part="results"]');
  if (!count || !region || region.getAttribute('aria-busy') === 'true') return;
  const match = /„(.*)“/.exec(count.textContent);
  if (!match || match[1] === last) return;
  last = match[1];
  window.__bench.painted(last);
}).observe(element.shadowRoot, { subtree: true, childList: true, characterData: true, attributes: true });`;

const PAGEFIND_SCRIPT = `${RENDER}
let pagefind;
input.addEventListener('focus', () => {
  pagefind ??= import('/pages/pagefind/pagefind.js').then(async (module) => {
    await module.init();
    return module;
  });
}, { once: true });
input.addEventListener('input', async () => {
  const query = input.value.trim();
  const mine = ++latest;
  if (query.length < 2) return;
  const engine = await pagefind;
  const search = await engine.search(query);
  if (mine !== latest || !search) return;
  const data = await Promise.all(search.results.slice(0, 10).map((result) => result.data()));
  if (mine !== latest) return;
  render(query, search.results.length, data.map((item) => ({
    url: item.url,
    title: item.meta.title ?? item.url,
    text: item.excerpt.replace(/<[^>]*>/g, ''),
  })));
});`;

const MINISEARCH_SCRIPT = `${RENDER}
const OPTIONS = ${JSON.stringify(PLAIN_OPTIONS)};
let index;
input.addEventListener('focus', () => {
  index ??= Promise.all([
    import('/lib/minisearch/index.js'),
    fetch('/ms/index.json').then((response) => response.text()),
  ]).then(([module, json]) => module.default.loadJSON(json, OPTIONS));
}, { once: true });
input.addEventListener('input', async () => {
  const query = input.value.trim();
  const mine = ++latest;
  if (query.length < 2) return;
  const search = await index;
  if (mine !== latest) return;
  const hits = search.search(query, { prefix: true, fuzzy: 0.2 });
  render(query, hits.length, hits.slice(0, 10).map((hit) => ({ url: hit.url, title: hit.title, text: hit.url })));
});`;

export const PAGES: Record<EngineName, string> = {
  hzd: page(
    '<hzd-search index-src="/hzd/" label="Suche"></hzd-search>',
    `import '/widget/hzd-search.js';\n${HZD_SCRIPT}`,
  ),
  pagefind: page(PLAIN_BODY, PAGEFIND_SCRIPT),
  minisearch: page(PLAIN_BODY, MINISEARCH_SCRIPT),
  'hzd-file': page(
    '<hzd-search index-src="/hzd-file/index.json" label="Suche"></hzd-search>',
    `import '/widget/hzd-search.js';\n${HZD_SCRIPT}`,
  ),
};

/** The input to focus and type into. */
export const INPUT_SELECTOR: Record<EngineName, string> = {
  hzd: 'hzd-search input',
  pagefind: '#q',
  minisearch: '#q',
  'hzd-file': 'hzd-search input',
};
