/**
 * Where the repository and its build output are. The e2e tests check the files a webmaster or an
 * npm user actually gets, so they never build anything themselves: a missing file means the
 * build was not run, and that is said plainly instead of a confusing 404 in a browser.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const DIST = join(ROOT, 'dist');

/** The folder of the script-tag files, which a webmaster copies as it is. */
export const WIDGET_DIR = join(DIST, 'widget');

/** The built files the e2e tests read, relative to dist/. */
export const BUILT = {
  esm: 'widget/hzd-search.js',
  iife: 'widget/hzd-search.iife.js',
  /** What searching needs, loaded by the ES module on first focus. */
  session: 'widget/hzd-search.session.js',
  /** The engine: Web Worker, or in-page script where workers are unavailable. */
  worker: 'widget/hzd-search.worker.js',
  index: 'widget/hzd-kooperationen.index.json',
} as const;

/** Absolute path of a file in dist/; throws if it is missing so the test fails with a hint. */
export function distFile(relative: string): string {
  const file = join(DIST, relative);
  if (!existsSync(file)) {
    throw new Error(`dist/${relative} is missing: run npm run build first.`);
  }
  return file;
}
