/**
 * --include and --exclude: glob patterns (picomatch: `**`, `*`, `{a,b}`, `!(x)`) matched against
 * a file's path in the input folder, or a crawled URL's path without the leading slash, so
 * `de/**` means the same for both. A path is kept if it matches some --include (or none is
 * given) and no --exclude.
 */
import picomatch from 'picomatch';

export interface PathFilter {
  accepts(path: string): boolean;
}

export function pathFilter(include: readonly string[], exclude: readonly string[]): PathFilter {
  const options = { dot: true };
  const included = include.length ? picomatch([...include], options) : () => true;
  const excluded = exclude.length ? picomatch([...exclude], options) : () => false;
  return { accepts: (path) => included(path) && !excluded(path) };
}

export const ACCEPT_ALL: PathFilter = { accepts: () => true };
