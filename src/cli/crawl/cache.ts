/**
 * The crawl cache: what the site answered last time, so the next run asks only for changes
 * (If-None-Match with the ETag, If-Modified-Since with the Last-Modified date) and skips pages
 * whose sitemap <lastmod> is older than the copy. A folder with `entries.json` and one file per
 * response body; entries not used in a run are dropped when it is saved.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../write-atomic.js';

const VERSION = 1;

export interface CacheEntry {
  etag?: string;
  lastModified?: string;
  contentType: string;
  /** When the body was last confirmed current (ISO). */
  checkedAt: string;
  /** For a permanent redirect: where it leads; no body then. */
  location?: string;
  /** A file that is neither page nor PDF: only its headers are kept, to ask again cheaply. */
  headersOnly?: boolean;
}

interface CacheFile {
  version: number;
  entries: Record<string, CacheEntry>;
}

function bodyName(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 32);
}

export class CrawlCache {
  private readonly used = new Set<string>();
  /** Responses answered from the cache this run: not modified (304) or unchanged per sitemap. */
  hits = 0;

  private constructor(
    private readonly folder: string | undefined,
    private readonly entries: Record<string, CacheEntry>,
  ) {}

  /** Opens the cache in `folder` (created on save); a damaged or old cache starts empty. */
  static async open(folder: string): Promise<CrawlCache> {
    let entries: Record<string, CacheEntry> = {};
    try {
      const file = JSON.parse(await readFile(join(folder, 'entries.json'), 'utf8')) as CacheFile;
      if (file.version === VERSION && file.entries && typeof file.entries === 'object')
        entries = file.entries;
    } catch {
      // No cache yet, or one that cannot be read: the crawl fetches everything.
    }
    return new CrawlCache(folder, entries);
  }

  get(url: string): CacheEntry | undefined {
    const entry = this.entries[url];
    if (entry) this.used.add(url);
    return entry;
  }

  async body(url: string): Promise<Uint8Array | undefined> {
    if (!this.folder) return undefined;
    return readFile(join(this.folder, 'bodies', bodyName(url))).catch(() => undefined);
  }

  /** Keeps a response; without a body only its headers (for files that are not indexed). */
  async put(url: string, headers: Headers, body?: Uint8Array): Promise<void> {
    if (!this.folder) return;
    if (body) {
      await mkdir(join(this.folder, 'bodies'), { recursive: true });
      await writeFile(join(this.folder, 'bodies', bodyName(url)), body);
    }
    this.entries[url] = {
      etag: headers.get('etag') ?? undefined,
      lastModified: headers.get('last-modified') ?? undefined,
      contentType: headers.get('content-type') ?? '',
      checkedAt: new Date().toISOString(),
      ...(body ? {} : { headersOnly: true }),
    };
    this.used.add(url);
  }

  /** The copy was confirmed current (304): it stays, with the new check time. */
  confirm(url: string, headers: Headers): void {
    const entry = this.entries[url];
    if (!entry) return;
    entry.checkedAt = new Date().toISOString();
    entry.etag = headers.get('etag') ?? entry.etag;
    entry.lastModified = headers.get('last-modified') ?? entry.lastModified;
    this.used.add(url);
  }

  putRedirect(url: string, location: string): void {
    this.entries[url] = { contentType: '', checkedAt: new Date().toISOString(), location };
    this.used.add(url);
  }

  /** Writes the entries used in this run and removes the bodies of the others. */
  async save(): Promise<void> {
    if (!this.folder) return;
    const kept: Record<string, CacheEntry> = {};
    for (const url of this.used) if (this.entries[url]) kept[url] = this.entries[url]!;
    await mkdir(this.folder, { recursive: true });
    await writeFileAtomic(
      join(this.folder, 'entries.json'),
      JSON.stringify({ version: VERSION, entries: kept } satisfies CacheFile),
    );
    const keptBodies = new Set(Object.keys(kept).map(bodyName));
    const bodies = await readdir(join(this.folder, 'bodies')).catch(() => [] as string[]);
    for (const name of bodies) {
      if (!keptBodies.has(name)) await rm(join(this.folder, 'bodies', name), { force: true });
    }
  }
}
