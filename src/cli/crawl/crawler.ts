/**
 * Crawls a live site for its pages and PDFs. Where to look: the sitemaps (given with --sitemap,
 * named in robots.txt, or /sitemap.xml), plus the PDFs their pages link to; without a sitemap,
 * the same-origin links from the start page, breadth first. What to leave out: robots.txt rules,
 * other sites, `noindex`, pages whose canonical URL is another page, what --include/--exclude
 * reject, files that are neither pages nor PDFs. Every skip is counted with its reason.
 */
import { CliError } from '../cli-error.js';
import type { PathFilter } from '../path-filter.js';
import type { BuildReport } from '../report.js';
import { readHtml, SKIP_NOINDEX, type HtmlPage } from '../sources/html.js';
import { readPdf } from '../sources/pdf.js';
import type { RawDocument } from '../sources/raw-document.js';
import { finishSitePages } from '../sources/site-pages.js';
import type { CrawlCache } from './cache.js';
import { FetchFailure, type PoliteFetcher } from './fetcher.js';
import { ALLOW_ALL, DISALLOW_ALL, parseRobots, type Robots } from './robots.js';
import { parseSitemap, sitemapText, type SitemapEntry } from './sitemap.js';

export const PRODUCT_TOKEN = 'hzd-search-index';

export const SKIP = {
  robots: 'disallowed by robots.txt',
  otherSite: 'on other sites (or redirected there)',
  outOfScope: 'outside the start URL’s folder',
  filtered: 'left out by --include/--exclude',
  notFound: 'not found (404, 410)',
  denied: 'not accessible (401, 403)',
  otherStatus: 'other HTTP answers',
  notPageOrPdf: 'neither HTML pages nor PDFs',
  canonical: 'with a canonical URL of another page (that page is crawled instead)',
  maxPages: 'beyond --max-pages',
  tooManyRedirects: 'with more than 5 redirects',
  redirectToSeen: 'redirecting to a page that is crawled anyway',
} as const;

/** File names that are neither pages nor PDFs: not even requested. */
const NOT_A_PAGE =
  /\.(?:jpe?g|png|gif|webp|avif|svg|ico|bmp|tiff?|mp[34]|m4[av]|webm|ogg|wav|avi|mov|zip|gz|tgz|rar|7z|exe|msi|dmg|iso|css|js|mjs|json|rss|atom|ics|vcf|woff2?|ttf|otf|eot|docx?|xlsx?|pptx?|odt|ods|odp|csv|txt)$/i;
const PDF_NAME = /\.pdf$/i;
const MAX_REDIRECTS = 5;
const MAX_SITEMAPS = 1000;

export interface CrawlOptions {
  startUrl: string;
  sitemaps: readonly string[];
  maxPages: number;
  filter: PathFilter;
  fetcher: PoliteFetcher;
  cache: CrawlCache;
  report: BuildReport;
  onProgress?(state: CrawlProgress): void;
}

export interface CrawlProgress {
  done: number;
  queued: number;
  pages: number;
  pdfs: number;
}

export interface CrawlResult {
  documents: RawDocument[];
  pages: number;
  pdfs: number;
  /** Where the URLs came from. */
  source: 'sitemap' | 'links';
}

type Kind = 'html' | 'pdf';

/** What a request found: from the server or from the cache. */
interface Answer {
  status: number;
  body?: Uint8Array;
  contentType: string;
  lastModified?: string;
  robotsHeader?: string;
  /** Target of a redirect, resolved. */
  location?: string;
}

interface Fetched {
  url: string;
  kind: Kind;
  body: Uint8Array;
  lastModified?: string;
}

function kindOf(contentType: string): Kind | undefined {
  if (/^(?:text\/html|application\/xhtml\+xml)\b/.test(contentType)) return 'html';
  if (/^application\/(?:x-)?pdf\b/.test(contentType)) return 'pdf';
  return undefined;
}

/** A URL without its fragment, or undefined for anything that is not http(s). */
function normalize(href: string, base: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  return url.href;
}

/** The path of a URL as --include/--exclude see it and ids are made from: no leading slash. */
export function pathOf(url: string): string {
  const { pathname, search } = new URL(url);
  let path = pathname.slice(1);
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep it encoded
  }
  return search ? `${path}${search}` : path;
}

export class Crawler {
  private readonly origin: string;
  /** Links are followed only below the start URL's folder. */
  private readonly scope: string;
  private robots: Robots = ALLOW_ALL;
  private readonly seen = new Set<string>();
  private readonly queue: { url: string; lastmod?: string; fromSitemap: boolean }[] = [];
  private followAllLinks = true;
  private readonly pages: HtmlPage[] = [];
  private readonly documents: { url: string; document: RawDocument }[] = [];
  private pdfs = 0;
  private done = 0;
  private taken = 0;

  constructor(private readonly options: CrawlOptions) {
    const start = new URL(options.startUrl);
    this.origin = start.origin;
    this.scope = start.pathname.slice(0, start.pathname.lastIndexOf('/') + 1);
  }

  async run(): Promise<CrawlResult> {
    await this.readRobots();
    const fromSitemaps = await this.readSitemaps();
    this.followAllLinks = fromSitemaps.length === 0;
    this.enqueue(this.options.startUrl, { fromSitemap: false, isStart: true });
    for (const entry of fromSitemaps)
      this.enqueue(entry.url, { fromSitemap: true, lastmod: entry.lastmod });
    await this.drain();
    await this.options.cache.save();
    const htmlDocuments = finishSitePages(this.pages, this.options.report);
    const all = [
      ...htmlDocuments.map((document) => ({
        url: String((document.data as { url: unknown }).url),
        document,
      })),
      ...this.documents,
    ];
    // Completion order depends on the network; the index should not.
    all.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    return {
      documents: all.map((item) => item.document),
      pages: htmlDocuments.length,
      pdfs: this.pdfs,
      source: this.followAllLinks ? 'links' : 'sitemap',
    };
  }

  private skip(reason: string, url: string): void {
    this.options.report.skip(reason, url);
  }

  private problem(message: string, url: string, hint?: string): void {
    this.options.report.problem(new CliError(message, { file: url }, hint));
  }

  private allowedByRobots(url: string): boolean {
    const { pathname, search } = new URL(url);
    return this.robots.allows(pathname + search);
  }

  /** Requests `url` through the cache: a copy still current is reused, changes are fetched. */
  private async request(url: string, lastmod?: string): Promise<Answer> {
    const { cache, fetcher } = this.options;
    const entry = cache.get(url);
    if (entry?.location) return { status: 301, location: entry.location, contentType: '' };
    const fromCache = async (headers: Headers): Promise<Answer | undefined> => {
      if (!entry) return undefined;
      const body = entry.headersOnly ? undefined : await cache.body(url);
      if (!body && !entry.headersOnly) return undefined;
      cache.hits++;
      cache.confirm(url, headers);
      return {
        status: 200,
        body,
        contentType: entry.contentType.toLowerCase(),
        lastModified: entry.lastModified,
      };
    };
    // The sitemap says the page has not changed since the copy was checked: no request at all.
    if (entry && lastmod && lastmod.slice(0, 10) < entry.checkedAt.slice(0, 10)) {
      const cached = await fromCache(new Headers());
      if (cached) return cached;
    }
    const response = await fetcher.fetch({
      url,
      etag: entry?.etag,
      lastModified: entry?.lastModified,
      wantsBody: (contentType) =>
        kindOf(contentType) !== undefined || /xml|text\/plain|gzip|octet-stream/.test(contentType),
    });
    if (response.status === 304) {
      const cached = await fromCache(response.headers);
      if (cached) return cached;
    }
    if (response.status === 200) await cache.put(url, response.headers, response.body);
    const header = response.headers.get('location');
    const location =
      response.status >= 300 && response.status < 400 && header
        ? normalize(header, url)
        : undefined;
    if (location && (response.status === 301 || response.status === 308))
      cache.putRedirect(url, location);
    return {
      status: response.status,
      body: response.body,
      contentType: (response.headers.get('content-type') ?? '').toLowerCase(),
      lastModified: response.headers.get('last-modified') ?? undefined,
      robotsHeader: response.headers.get('x-robots-tag') ?? undefined,
      location,
    };
  }

  /**
   * Fetches `url`, following redirects within the site. Returns the final URL and body, or
   * undefined when it was skipped or failed (and reported).
   */
  private async fetchResource(url: string, lastmod?: string): Promise<Fetched | undefined> {
    let current = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      let answer: Answer;
      try {
        answer = await this.request(current, lastmod);
      } catch (error) {
        if (!(error instanceof FetchFailure)) throw error;
        this.problem(
          `cannot fetch the page: ${error.message}.`,
          current,
          'Check that the site answers; --timeout and --retries give slow sites more time.',
        );
        return undefined;
      }
      const { status } = answer;
      if (status >= 300 && status < 400 && status !== 304) {
        const location = answer.location;
        if (!location) {
          this.skip(SKIP.otherStatus, `${current} (${status} without a target)`);
          return undefined;
        }
        if (new URL(location).origin !== this.origin) {
          this.skip(SKIP.otherSite, current);
          return undefined;
        }
        if (!this.allowedByRobots(location)) {
          this.skip(SKIP.robots, location);
          return undefined;
        }
        // Two URLs that lead to the same page are one page, visited once.
        if (this.seen.has(location)) {
          this.skip(SKIP.redirectToSeen, current);
          return undefined;
        }
        this.seen.add(location);
        current = location;
        continue;
      }
      if (status === 404 || status === 410) {
        this.skip(SKIP.notFound, current);
        return undefined;
      }
      if (status === 401 || status === 403) {
        this.skip(SKIP.denied, current);
        return undefined;
      }
      if (status !== 200) {
        this.skip(SKIP.otherStatus, `${current} (${status})`);
        return undefined;
      }
      const kind = kindOf(answer.contentType);
      if (!kind || !answer.body) {
        this.skip(
          SKIP.notPageOrPdf,
          `${current} (${answer.contentType.split(';')[0] || 'no content type'})`,
        );
        return undefined;
      }
      if (/\b(?:noindex|none)\b/i.test(answer.robotsHeader ?? '')) {
        this.skip(SKIP_NOINDEX, current);
        return undefined;
      }
      return { url: current, kind, body: answer.body, lastModified: answer.lastModified };
    }
    this.skip(SKIP.tooManyRedirects, url);
    return undefined;
  }

  private async readRobots(): Promise<void> {
    const url = `${this.origin}/robots.txt`;
    let response;
    try {
      response = await this.options.fetcher.fetch({ url });
    } catch (error) {
      if (!(error instanceof FetchFailure)) throw error;
      // RFC 9309: a robots.txt that cannot be reached means the whole site is off limits.
      this.robots = DISALLOW_ALL;
      this.problem(
        `cannot read robots.txt: ${error.message}; as RFC 9309 asks, nothing was crawled.`,
        url,
      );
      return;
    }
    if (response.status === 200 && response.body) {
      this.robots = parseRobots(new TextDecoder().decode(response.body), PRODUCT_TOKEN);
      if (this.robots.crawlDelay)
        this.options.fetcher.slowDownTo(Math.min(this.robots.crawlDelay, 60) * 1000);
    }
    // 4xx: no rules. (Redirects of robots.txt are rare; they count as no rules too.)
  }

  /** All page entries of the sitemaps, sitemap indexes followed. */
  private async readSitemaps(): Promise<SitemapEntry[]> {
    const given = this.options.sitemaps.length > 0;
    const fromRobots = this.robots.sitemaps.length > 0;
    const todo = given
      ? [...this.options.sitemaps]
      : fromRobots
        ? [...this.robots.sitemaps]
        : [`${this.origin}/sitemap.xml`];
    const read = new Set<string>();
    const pages: SitemapEntry[] = [];
    while (todo.length && read.size < MAX_SITEMAPS) {
      const url = todo.shift()!;
      if (read.has(url)) continue;
      read.add(url);
      const fetched = await this.fetchSitemap(url, given || fromRobots);
      if (!fetched) continue;
      todo.push(...fetched.sitemaps.map((entry) => entry.url));
      pages.push(...fetched.pages);
    }
    return pages;
  }

  private async fetchSitemap(url: string, named: boolean) {
    let answer;
    try {
      answer = await this.request(url);
    } catch (error) {
      if (!(error instanceof FetchFailure)) throw error;
      this.problem(`cannot read the sitemap: ${error.message}.`, url);
      return undefined;
    }
    const { status, body } = answer;
    if (status !== 200 || !body) {
      // /sitemap.xml was only a guess; a named sitemap that is missing is worth a word.
      if (named)
        this.problem(
          `cannot read the sitemap: the server answered ${status}.`,
          url,
          'Check the Sitemap: line in robots.txt, or give the sitemap with --sitemap.',
        );
      return undefined;
    }
    try {
      return parseSitemap(sitemapText(body));
    } catch (error) {
      this.problem(
        `cannot read the sitemap: ${error instanceof Error ? error.message : String(error)}.`,
        url,
      );
      return undefined;
    }
  }

  private enqueue(
    href: string,
    how: { fromSitemap: boolean; lastmod?: string; isStart?: boolean },
  ): void {
    const url = normalize(href, this.options.startUrl);
    if (!url || this.seen.has(url)) return;
    this.seen.add(url);
    const parsed = new URL(url);
    if (parsed.origin !== this.origin) return this.skip(SKIP.otherSite, url);
    if (NOT_A_PAGE.test(parsed.pathname)) return this.skip(SKIP.notPageOrPdf, url);
    if (!this.allowedByRobots(url)) return this.skip(SKIP.robots, url);
    const isPdf = PDF_NAME.test(parsed.pathname);
    // PDFs are documents of the site wherever they are stored (/fileadmin/…); pages must be below
    // the start URL's folder.
    if (!isPdf && !how.isStart && !parsed.pathname.startsWith(this.scope))
      return this.skip(SKIP.outOfScope, url);
    this.queue.push({ url, lastmod: how.lastmod, fromSitemap: how.fromSitemap });
  }

  private async drain(): Promise<void> {
    const running = new Set<Promise<void>>();
    const concurrency = Math.max(1, this.options.fetcher.concurrency);
    while (this.queue.length || running.size) {
      while (this.queue.length && running.size < concurrency) {
        const item = this.queue.shift()!;
        const task = this.visit(item.url, item.lastmod).finally(() => {
          running.delete(task);
          this.done++;
          this.options.onProgress?.({
            done: this.done,
            queued: this.queue.length,
            pages: this.pages.length,
            pdfs: this.pdfs,
          });
        });
        running.add(task);
      }
      if (running.size) await Promise.race(running);
    }
  }

  private async visit(url: string, lastmod?: string): Promise<void> {
    const indexed = this.options.filter.accepts(pathOf(url));
    // Pages that are not indexed are still read for their links when links are followed.
    if (!indexed && !this.followAllLinks) return this.skip(SKIP.filtered, url);
    if (this.taken >= this.options.maxPages) return this.skip(SKIP.maxPages, url);
    this.taken++;
    const fetched = await this.fetchResource(url, lastmod);
    if (!fetched) return;
    if (!indexed || !this.options.filter.accepts(pathOf(fetched.url))) {
      this.skip(SKIP.filtered, fetched.url);
      if (fetched.kind === 'html')
        this.readLinks(
          readHtml(new TextDecoder().decode(fetched.body), {
            file: fetched.url,
            relativePath: pathOf(fetched.url),
            url: fetched.url,
          }),
          fetched.url,
        );
      return;
    }
    // A sitemap's <lastmod> is of the URL it lists, not of the page a redirect leads to.
    const outsideDates = [fetched.url === url ? lastmod : undefined, fetched.lastModified];
    if (fetched.kind === 'pdf') {
      try {
        const document = await readPdf(fetched.body, {
          file: fetched.url,
          relativePath: pathOf(fetched.url),
          url: fetched.url,
          outsideDates,
        });
        this.documents.push({ url: fetched.url, document });
        this.pdfs++;
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        this.options.report.problem(error);
      }
      return;
    }
    const page = readHtml(new TextDecoder().decode(fetched.body), {
      file: fetched.url,
      relativePath: pathOf(fetched.url),
      url: fetched.url,
      outsideDates,
    });
    this.readLinks(page, fetched.url);
    if (page.canonical) {
      const canonical = normalize(page.canonical, fetched.url);
      if (canonical && canonical !== fetched.url) {
        if (new URL(canonical).origin === this.origin) {
          this.skip(SKIP.canonical, fetched.url);
          this.enqueue(canonical, { fromSitemap: false, isStart: true });
          return;
        }
      }
    }
    this.pages.push(page);
  }

  /** Queues the links of a page: all of them without a sitemap, else only PDFs. */
  private readLinks(page: HtmlPage, pageUrl: string): void {
    if (page.nofollow) return;
    const base = (page.baseHref && normalize(page.baseHref, pageUrl)) ?? pageUrl;
    for (const href of page.links) {
      const url = normalize(href, base);
      if (!url) continue;
      const parsed = new URL(url);
      if (parsed.origin !== this.origin) continue; // links to other sites are not counted
      if (this.followAllLinks || PDF_NAME.test(parsed.pathname))
        this.enqueue(url, { fromSitemap: false });
    }
  }
}
