/**
 * Headless Chromium for the e2e tests: one browser per test file (launching is the slow part) and
 * a fresh context per test, so cookies, storage, caches and service workers never leak from one
 * test into the next. Browser downloads are impossible here, so the system Chromium is used.
 */
import { existsSync } from 'node:fs';
import { after, afterEach, before } from 'node:test';
import { chromium, type Browser, type BrowserContext } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../../chromium.js';

const EXECUTABLE = CHROMIUM_EXECUTABLE;
const ARGS = CHROMIUM_ARGS;

export interface BrowserFixture {
  /** A new, isolated context; closed after the current test. */
  newContext(): Promise<BrowserContext>;
}

/** Registers hooks that launch Chromium before the file's tests and close it afterwards. */
export function useBrowser(): BrowserFixture {
  let browser: Browser | undefined;
  const open: BrowserContext[] = [];

  before(async () => {
    if (!existsSync(EXECUTABLE)) {
      throw new Error(`No Chromium at ${EXECUTABLE}; set CHROMIUM_PATH to a Chromium binary.`);
    }
    browser = await chromium.launch({ executablePath: EXECUTABLE, args: ARGS });
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((context) => context.close()));
  });

  after(async () => {
    await browser?.close();
  });

  return {
    async newContext() {
      if (!browser) throw new Error('The browser is not running (did the before hook fail?).');
      const context = await browser.newContext({ locale: 'de-DE' });
      open.push(context);
      return context;
    },
  };
}
