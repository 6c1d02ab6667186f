/**
 * `hzd-search-index crawl <start-url>`: crawls the site politely, with the cache of the last run,
 * shows progress on stderr and says on stdout what it fetched; the documents then go through
 * the same validation and build as a folder's.
 */
import { resolve } from 'node:path';
import type { CrawlCommand } from '../args.js';
import type { CliIo } from '../io.js';
import type { PathFilter } from '../path-filter.js';
import type { BuildReport } from '../report.js';
import type { RawDocument } from '../sources/raw-document.js';
import { packageVersion } from '../version.js';
import { CrawlCache } from './cache.js';
import { Crawler, PRODUCT_TOKEN, type CrawlProgress } from './crawler.js';
import { PoliteFetcher } from './fetcher.js';

export function defaultUserAgent(): string {
  return `${PRODUCT_TOKEN}/${packageVersion()} (+https://www.npmjs.com/package/hzd-search-widget)`;
}

/** How often progress is printed when stderr is a log, not a terminal. */
const LOG_EVERY = 100;

function progressPrinter(io: CliIo): (state: CrawlProgress) => void {
  const line = (state: CrawlProgress) =>
    `crawling: ${state.done} done, ${state.queued} queued (${state.pages} pages, ${state.pdfs} PDFs)`;
  if (io.stderr.isTTY) return (state) => io.stderr.write(`\r${line(state)}\x1b[K`);
  return (state) => {
    if (state.done % LOG_EVERY === 0) io.stderr.write(`${line(state)}\n`);
  };
}

export async function crawlSite(
  command: CrawlCommand,
  filter: PathFilter,
  io: CliIo,
  report: BuildReport,
): Promise<RawDocument[]> {
  const started = performance.now();
  const fetcher = new PoliteFetcher({
    userAgent: command.userAgent ?? defaultUserAgent(),
    concurrency: command.concurrency,
    rate: command.rate,
    timeoutMs: command.timeoutMs,
    retries: command.retries,
  });
  const cache = await CrawlCache.open(resolve(io.cwd, command.cache));
  const crawler = new Crawler({
    startUrl: command.startUrl,
    sitemaps: command.sitemaps,
    maxPages: command.maxPages,
    filter,
    fetcher,
    cache,
    report,
    onProgress: command.quiet ? undefined : progressPrinter(io),
  });
  const result = await crawler.run();
  if (!command.quiet) {
    if (io.stderr.isTTY) io.stderr.write('\r\x1b[K');
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.stdout.write(
      `Crawled ${command.startUrl} (URLs from ${result.source === 'sitemap' ? 'the sitemaps' : 'the links'}): ` +
        `${result.pages} pages and ${result.pdfs} ${result.pdfs === 1 ? 'PDF' : 'PDFs'}, ${fetcher.requests} requests, ` +
        `${cache.hits} answered from the cache (${command.cache}), ${seconds} s\n`,
    );
  }
  return result.documents;
}
