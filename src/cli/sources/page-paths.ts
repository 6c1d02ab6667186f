/**
 * Ids and URLs of pages read from files, derived from their path in the input folder the way site
 * generators publish them: `de/software/firefox.md` → `/de/software/firefox`, and index pages
 * (`index.md`, `_index.md`, `README.md`, `index.html`) → their folder's URL `/de/software/`.
 */

export type UrlStyle = 'clean' | 'html' | 'slash';
export const URL_STYLES: readonly UrlStyle[] = ['clean', 'html', 'slash'];

const PAGE_EXTENSION = /\.(?:md|mdx|markdown|html?)$/i;
const MARKDOWN_INDEX = /^(?:index|_index|readme)\.(?:md|mdx|markdown)$/i;
const HTML_INDEX = /^index\.html?$/i;

/** Characters the core allows in ids (see schema.ts); everything else becomes `-`. */
const NOT_ID = /[^\p{L}\p{N}_.~/-]+/gu;
const MAX_ID = 200;

/** The relative path without a page extension: `de/software/firefox.md` → `de/software/firefox`. */
export function withoutPageExtension(relativePath: string): string {
  return relativePath.replace(PAGE_EXTENSION, '');
}

/**
 * A valid id made from a path (or a URL path): characters the id may not hold become `-`; very
 * long paths are cut and end in a short hash, so they stay distinct.
 */
export function idFromPath(path: string): string {
  let id = path
    .replace(NOT_ID, '-')
    .replace(/\/{2,}/g, '/')
    .replace(/^[/-]+|[/-]+$/g, '');
  if (!id) id = 'index';
  if (id.length > MAX_ID) {
    let hash = 0;
    for (const char of path) hash = (Math.imul(hash, 31) + char.codePointAt(0)!) >>> 0;
    id = `${id.slice(0, MAX_ID - 9)}~${hash.toString(36).padStart(8, '0').slice(-8)}`;
  }
  return id;
}

function encodePath(segments: readonly string[]): string {
  return segments.map(encodeURIComponent).join('/');
}

/**
 * The URL of a page file. `slug` (Hugo's front matter field) replaces the last part of the path.
 * Index pages always get their folder's URL with a trailing slash; other pages follow `style`:
 * `clean` → `/a/b`, `html` → `/a/b.html` (HTML files keep their name), `slash` → `/a/b/`.
 */
export function urlOfPage(relativePath: string, style: UrlStyle, slug?: string): string {
  const segments = relativePath.split('/');
  const name = segments.at(-1)!;
  if (MARKDOWN_INDEX.test(name) || HTML_INDEX.test(name)) {
    const folder = segments.slice(0, -1);
    if (slug && folder.length) folder[folder.length - 1] = slug;
    return folder.length ? `/${encodePath(folder)}/` : '/';
  }
  // An HTML file keeps its own name (kontakt.htm) in the html style.
  if (style === 'html' && !slug && /\.html?$/i.test(name)) return `/${encodePath(segments)}`;
  segments[segments.length - 1] = slug ?? withoutPageExtension(name);
  const path = `/${encodePath(segments)}`;
  if (style === 'html') return `${path}.html`;
  if (style === 'slash') return `${path}/`;
  return path;
}
