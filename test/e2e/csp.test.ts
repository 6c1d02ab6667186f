/**
 * The built bundles under a strict Content-Security-Policy (`default-src 'self'`: no
 * unsafe-inline, no unsafe-eval, no wasm-unsafe-eval), as on a locked-down state portal: the
 * widget must search and be styled without a single violation, from the ES module and from the
 * classic script.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { useBrowser } from './helpers/browser.js';
import { classicPage, modulePage } from './helpers/pages.js';
import { WIDGET_DIR } from './helpers/paths.js';
import { attachProbe } from './helpers/probe.js';
import { startStaticServer, type StaticServer } from './helpers/static-server.js';
import { combobox, firstResultTitle, submitSearch } from './helpers/widget.js';

const STRICT_CSP = "default-src 'self'";
/** The documented default of `--hzd-color-accent` (#004b87), the submit button's background. */
const DEFAULT_ACCENT = 'rgb(0, 75, 135)';

const browser = useBrowser();
let server: StaticServer;

before(async () => {
  server = await startStaticServer({
    files: {
      '/module.html': { body: modulePage() },
      '/classic.html': { body: classicPage() },
    },
    // Every script-tag file: the worker and the files loaded on focus must pass the policy too.
    dirs: { '/': WIDGET_DIR },
  });
  for (const page of ['/module.html', '/classic.html']) {
    server.setHeaders(page, { 'content-security-policy': STRICT_CSP });
  }
});

after(() => server?.close());

describe('strict Content-Security-Policy', () => {
  for (const [build, path] of [
    ['ES module (hzd-search.js)', '/module.html'],
    ['classic script (hzd-search.iife.js)', '/classic.html'],
  ] as const) {
    test(`${build}: searches and is styled without violations`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const probe = await attachProbe(page);

      const response = await page.goto(server.url(path));
      // Guards the premise: the policy really is in force on this page.
      assert.equal(response?.headers()['content-security-policy'], STRICT_CSP);

      await combobox(page).waitFor();
      const { total } = await submitSearch(page, probe, 'wohngeld');
      assert.ok(total > 0, 'a search for "wohngeld" finds something');
      const title = await firstResultTitle(page);
      assert.match(title, /HeWoG|Wohngeld/);

      // Lit's styles arrive as adopted style sheets; the CSP must not have blocked them.
      const submit = page.locator('hzd-search [part="submit"]');
      const background = await submit.evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.equal(background, DEFAULT_ACCENT, 'the submit button has the accent background');
      const border = await combobox(page).evaluate((el) => {
        const style = getComputedStyle(el);
        return `${style.borderTopWidth} ${style.borderTopStyle}`;
      });
      assert.equal(border, '2px solid', 'the input has its 2px solid border (not the UA inset)');

      assert.deepEqual(probe.violations, [], 'no securitypolicyviolation events');
      assert.deepEqual(probe.cspMessages, [], 'no console messages about the CSP');
      assert.deepEqual(probe.pageErrors, [], 'no uncaught errors');
    });
  }
});
