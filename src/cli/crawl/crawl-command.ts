/** `hzd-search-index crawl <start-url>`: not built yet in this commit. */
import type { CrawlCommand } from '../args.js';
import { UsageError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import type { PathFilter } from '../path-filter.js';
import type { BuildReport } from '../report.js';
import type { RawDocument } from '../sources/raw-document.js';

export function crawlSite(
  command: CrawlCommand,
  _filter: PathFilter,
  _io: CliIo,
  _report: BuildReport,
): Promise<RawDocument[]> {
  return Promise.reject(
    new UsageError(`crawl ${command.startUrl}: crawling is not available yet.`),
  );
}
