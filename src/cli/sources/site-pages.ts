/**
 * Decisions about HTML pages that need the whole site, for a folder of built pages and a crawl:
 *
 * - The site's name that most titles carry ("Wohngeld | München Open Source") is removed.
 * - A description that several pages share (three or more, or most pages of a small site) says
 *   nothing about any of them: the summary falls back to the page's first paragraph.
 * - Once some page marks its content with `data-hzd-body`/`data-pagefind-body`, pages without
 *   the mark are left out (Pagefind's rule).
 * - Pages that name the same canonical URL are one page: the first is kept.
 */
import type { BuildReport } from '../report.js';
import type { HtmlPage } from './html.js';
import type { RawDocument } from './raw-document.js';

export const SKIP_NO_BODY_ROOT = 'pages without data-pagefind-body/data-hzd-body';
export const SKIP_SAME_CANONICAL = 'duplicates of another page (same canonical URL)';

/** Separators between a page's own title and the site's name. */
const SEPARATOR = /\s+(?:[|–—·»:/-]|::)\s+/g;

function affixes(title: string): { prefix?: string; suffix?: string } {
  const separators = [...title.matchAll(SEPARATOR)];
  if (!separators.length) return {};
  const firstSep = separators[0]!;
  const lastSep = separators.at(-1)!;
  return {
    prefix: title.slice(0, firstSep.index),
    suffix: title.slice(lastSep.index + lastSep[0].length),
  };
}

/** The value most items have, if more than half of them (and at least two) have it. */
function mostCommon(values: readonly (string | undefined)[], total: number): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  return bestCount >= 2 && bestCount > total / 2 ? best : undefined;
}

function withoutSiteName(pages: readonly HtmlPage[]): void {
  const titled = pages.filter(
    (page) => page.titleFromTitleElement && typeof dataOf(page)['title'] === 'string',
  );
  const titles = titled.map((page) => dataOf(page)['title'] as string);
  const suffix = mostCommon(
    titles.map((title) => affixes(title).suffix),
    titles.length,
  );
  const prefix = mostCommon(
    titles.map((title) => affixes(title).prefix),
    titles.length,
  );
  for (const page of titled) {
    let title = dataOf(page)['title'] as string;
    const parts = affixes(title);
    if (suffix !== undefined && parts.suffix === suffix) {
      const separators = [...title.matchAll(SEPARATOR)];
      title = title.slice(0, separators.at(-1)!.index);
    } else if (prefix !== undefined && parts.prefix === prefix) {
      const separator = [...title.matchAll(SEPARATOR)][0]!;
      title = title.slice(separator.index + separator[0].length);
    }
    // A page titled only with the site's name (the home page) keeps it.
    if (title.trim()) dataOf(page)['title'] = title.trim();
  }
}

function dataOf(page: HtmlPage): Record<string, unknown> {
  return page.document.data as Record<string, unknown>;
}

const SUMMARY_LENGTH = 300;

/** A first paragraph as a summary: whole sentences up to about 300 characters. */
export function summaryFrom(paragraph: string): string {
  if (paragraph.length <= SUMMARY_LENGTH) return paragraph;
  const head = paragraph.slice(0, SUMMARY_LENGTH);
  const sentenceEnd = Math.max(
    head.lastIndexOf('. '),
    head.lastIndexOf('! '),
    head.lastIndexOf('? '),
  );
  if (sentenceEnd >= 100) return head.slice(0, sentenceEnd + 1);
  const space = head.lastIndexOf(' ');
  return `${head.slice(0, space > 0 ? space : SUMMARY_LENGTH)} …`;
}

function withSummaries(pages: readonly HtmlPage[]): void {
  const counts = new Map<string, number>();
  for (const page of pages)
    if (page.description) counts.set(page.description, (counts.get(page.description) ?? 0) + 1);
  const shared = (description: string) => {
    const count = counts.get(description) ?? 0;
    return count >= 3 || (count >= 2 && count > pages.length / 2);
  };
  for (const page of pages) {
    const data = dataOf(page);
    if (typeof data['summary'] === 'string' && data['summary'].trim()) continue; // from a hint
    if (page.description && !shared(page.description)) data['summary'] = page.description;
    else if (page.firstParagraph) data['summary'] = summaryFrom(page.firstParagraph);
  }
}

/** The documents of a site's pages, with what is left out reported. */
export function finishSitePages(pages: readonly HtmlPage[], report: BuildReport): RawDocument[] {
  const marked = pages.some((page) => page.hasBodyRoot);
  const kept: HtmlPage[] = [];
  const urls = new Set<string>();
  for (const page of pages) {
    const reason = page.skip ?? (marked && !page.hasBodyRoot ? SKIP_NO_BODY_ROOT : undefined);
    if (reason) {
      report.skip(reason, page.document.file);
      continue;
    }
    const url = String(dataOf(page)['url']);
    if (urls.has(url)) {
      report.skip(SKIP_SAME_CANONICAL, page.document.file);
      continue;
    }
    urls.add(url);
    kept.push(page);
  }
  withoutSiteName(kept);
  withSummaries(kept);
  return kept.map((page) => page.document);
}
