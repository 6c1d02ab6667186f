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

/** The built files the e2e tests read, relative to dist/. */
export const BUILT = {
  esm: 'hzd-search.js',
  iife: 'hzd-search.iife.js',
  noIndex: 'budget/hzd-search.noindex.js',
  index: 'hzd-kooperationen.index.json',
} as const;

/** Absolute path of a file in dist/; throws if it is missing so the test fails with a hint. */
export function distFile(relative: string): string {
  const file = join(DIST, relative);
  if (!existsSync(file)) {
    throw new Error(`dist/${relative} is missing: run npm run build first.`);
  }
  return file;
}
