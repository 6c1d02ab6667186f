/**
 * `--to-solr <collection-url>`: pushes the documents into a new collection and only then points
 * the alias visitors search at it, so nobody ever sees a half-built index.
 *
 * 1. Solr must answer and the configset (default hzd-de, uploaded beforehand) must exist.
 * 2. A new collection `<alias>_<UTC timestamp>` is created from the configset.
 * 3. Documents go in batches, each retried with backoff on connection errors, timeouts and 5xx.
 * 4. One commit; the collection must then hold exactly the documents sent.
 * 5. CREATEALIAS points `<alias>` at it; collections of earlier pushes beyond `keep` are deleted.
 *
 * Any failure before step 5 deletes the new collection and leaves the alias as it was.
 */
import { toSolrDocument } from '../../backends/solr/solr-document.js';
import { SOLR_HANDLERS } from '../../backends/solr/solr-fields.js';
import type { SearchDocument } from '../../core/types.js';
import { CliError } from '../cli-error.js';
import {
  DEFAULT_RETRY,
  postJson,
  SolrHttpError,
  SolrUnreachableError,
  solrRequest,
  type RetryPolicy,
} from './solr-http.js';

export interface SolrTarget {
  /** Solr's base URL, e.g. https://solr.example.de/solr. */
  baseUrl: string;
  /** The alias visitors' requests name, e.g. hzd. */
  alias: string;
}

export interface SolrPushOptions {
  configset: string;
  shards: number;
  replicas: number;
  /** Collections of earlier pushes kept besides the new one (for a quick switch back). */
  keep: number;
  batchSize: number;
  retry: RetryPolicy;
  /** Progress lines (stdout unless --quiet). */
  log?: (line: string) => void;
  /** For tests: the time that names the collection. */
  now?: () => Date;
}

export const SOLR_PUSH_DEFAULTS = {
  configset: 'hzd-de',
  shards: 1,
  replicas: 1,
  keep: 1,
  batchSize: 500,
} as const;

export interface SolrPushResult {
  collection: string;
  documents: number;
  deleted: string[];
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** `https://host/solr/hzd` → base https://host/solr, alias hzd. */
export function parseSolrTarget(value: string): SolrTarget {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(
      `--to-solr: "${value}" is not a URL.`,
      {},
      'Give the collection URL, e.g. --to-solr http://localhost:8983/solr/hzd',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError('--to-solr: the URL must start with http:// or https://.');
  }
  const segments = url.pathname.replace(/\/+$/, '').split('/');
  const alias = segments.pop() ?? '';
  if (!NAME.test(alias) || segments.length < 2) {
    throw new CliError(
      `--to-solr: "${value}" does not end with a collection name.`,
      {},
      'Give Solr base URL and alias, e.g. --to-solr http://localhost:8983/solr/hzd',
    );
  }
  url.pathname = segments.join('/');
  url.search = '';
  url.hash = '';
  return { baseUrl: url.href.replace(/\/+$/, ''), alias };
}

/** `hzd_20261202T081500123Z`-like names sort by time; only these are ever deleted. */
function collectionName(alias: string, date: Date): string {
  const stamp = date.toISOString().replace(/[-:.]/g, '').replace('T', '').replace('Z', '');
  return `${alias}_${stamp}`;
}

function isPushCollection(alias: string, name: string): boolean {
  return name.startsWith(`${alias}_`) && /^\d{17}(?:_\d+)?$/.test(name.slice(alias.length + 1));
}

class SolrAdmin {
  constructor(
    private readonly target: SolrTarget,
    private readonly retry: RetryPolicy,
    private readonly log: (line: string) => void,
  ) {}

  private url(path: string, params: Record<string, string | number> = {}): string {
    const query = new URLSearchParams({ ...params, wt: 'json' } as Record<string, string>);
    return `${this.target.baseUrl}${path}?${query}`;
  }

  private onRetry = (error: Error, attempt: number) => {
    this.log(`  retrying (${attempt}/${this.retry.retries}): ${error.message}`);
  };

  /** Collections API: reads are retried; changes are tried once (a repeat could do it twice). */
  async collections<T>(
    action: string,
    params: Record<string, string | number> = {},
    change = false,
    firstContact = false,
  ): Promise<T> {
    // A Solr that refuses the very first request is most likely the wrong URL: one retry.
    const policy = change
      ? { ...this.retry, retries: 0, timeoutMs: 300_000 }
      : firstContact
        ? { ...this.retry, retries: Math.min(1, this.retry.retries) }
        : this.retry;
    return solrRequest<T>(
      this.url('/admin/collections', { action, ...params }),
      {},
      policy,
      this.onRetry,
    );
  }

  configsets(): Promise<{ configSets?: string[] }> {
    return solrRequest(
      this.url('/admin/configs', { action: 'LIST' }),
      {},
      this.retry,
      this.onRetry,
    );
  }

  update(collection: string, body: unknown, params: Record<string, string> = {}): Promise<unknown> {
    return postJson(this.url(`/${collection}/update`, params), body, this.retry, this.onRetry);
  }

  async count(collection: string): Promise<number> {
    const answer = await solrRequest<{ response?: { numFound?: number } }>(
      this.url(`/${collection}${SOLR_HANDLERS.select}`, {
        rows: 0,
        hl: 'false',
        spellcheck: 'false',
        facet: 'false',
      }),
      {},
      this.retry,
      this.onRetry,
    );
    return answer.response?.numFound ?? -1;
  }
}

/** Turns what went wrong into a webmaster's error with a next step. */
function pushError(error: unknown, target: SolrTarget, step: string): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof SolrUnreachableError) {
    return new CliError(
      `--to-solr: Solr at ${target.baseUrl} is not reachable while ${step} (${error.reason}).`,
      {},
      'Check the URL and that Solr runs; the alias was not changed.',
    );
  }
  if (error instanceof SolrHttpError) {
    return new CliError(
      `--to-solr: Solr refused ${step} (HTTP ${error.status}): ${error.solrMessage}`,
      {},
      error.status === 401 || error.status === 403
        ? 'The CLI needs a Solr user allowed to create collections and aliases (user:password@ in the URL).'
        : 'The alias was not changed.',
    );
  }
  return new CliError(`--to-solr: ${step} failed: ${(error as Error).message}`);
}

export async function pushToSolr(
  documents: readonly SearchDocument[],
  target: SolrTarget,
  options: SolrPushOptions,
): Promise<SolrPushResult> {
  const log = options.log ?? (() => {});
  const admin = new SolrAdmin(target, options.retry ?? DEFAULT_RETRY, log);
  const { alias } = target;

  let existing: string[];
  let aliases: Record<string, string>;
  try {
    existing =
      (await admin.collections<{ collections?: string[] }>('LIST', {}, false, true)).collections ??
      [];
    aliases =
      (await admin.collections<{ aliases?: Record<string, string> }>('LISTALIASES')).aliases ?? {};
  } catch (error) {
    throw pushError(error, target, 'listing collections');
  }
  if (existing.includes(alias)) {
    throw new CliError(
      `--to-solr: "${alias}" is a collection, not an alias: the CLI builds each index in a new collection and points the alias "${alias}" at it.`,
      {},
      `Give a new name (e.g. ${target.baseUrl}/${alias}-site), or delete or rename the collection "${alias}".`,
    );
  }
  let configsets: string[];
  try {
    configsets = (await admin.configsets()).configSets ?? [];
  } catch (error) {
    throw pushError(error, target, 'listing configsets');
  }
  if (!configsets.includes(options.configset)) {
    throw new CliError(
      `--to-solr: Solr has no configset "${options.configset}" (it has: ${configsets.join(', ') || 'none'}).`,
      {},
      `Upload it first: bin/solr zk upconfig -n ${options.configset} -d node_modules/hzd-search-widget/solr/hzd-de -z <zookeeper> (README, "Apache Solr").`,
    );
  }

  let collection = collectionName(alias, (options.now ?? (() => new Date()))());
  for (let n = 2; existing.includes(collection); n++) {
    collection = `${collectionName(alias, (options.now ?? (() => new Date()))())}_${n}`;
  }
  log(`Creating collection ${collection} (configset ${options.configset}) …`);
  try {
    await admin.collections(
      'CREATE',
      {
        name: collection,
        'collection.configName': options.configset,
        numShards: options.shards,
        replicationFactor: options.replicas,
        waitForFinalState: 'true',
      },
      true,
    );
  } catch (error) {
    await deleteQuietly(admin, collection);
    throw pushError(error, target, `creating collection ${collection}`);
  }

  let step = 'sending documents';
  try {
    for (let start = 0; start < documents.length; start += options.batchSize) {
      const batch = documents.slice(start, start + options.batchSize).map(toSolrDocument);
      step = `sending documents ${start + 1}–${start + batch.length}`;
      await admin.update(collection, batch);
      log(`  ${start + batch.length} of ${documents.length} documents sent`);
    }
    step = 'committing';
    await admin.update(collection, { commit: {} });
    step = 'counting the documents';
    const count = await admin.count(collection);
    if (count !== documents.length) {
      throw new CliError(
        `--to-solr: collection ${collection} holds ${count} documents after the commit, not the ${documents.length} sent; the alias was not changed.`,
      );
    }
    step = `pointing alias ${alias} at ${collection}`;
    await admin.collections('CREATEALIAS', { name: alias, collections: collection }, true);
  } catch (error) {
    await deleteQuietly(admin, collection);
    throw pushError(error, target, step);
  }
  log(`Alias ${alias} now points at ${collection} (${documents.length} documents).`);

  // Older pushes: keep the newest `keep` besides the new one and whatever the alias had before
  // if it is among those; never touch collections the CLI did not name.
  const previous = aliases[alias];
  const older = existing
    .filter((name) => name !== collection && isPushCollection(alias, name))
    .sort()
    .reverse();
  const deleted: string[] = [];
  for (const name of older.slice(options.keep)) {
    if (name === previous && options.keep > 0) continue;
    try {
      await admin.collections('DELETE', { name }, true);
      deleted.push(name);
      log(`Deleted old collection ${name}.`);
    } catch (error) {
      log(`warning: could not delete old collection ${name}: ${(error as Error).message}`);
    }
  }
  return { collection, documents: documents.length, deleted };
}

async function deleteQuietly(admin: SolrAdmin, collection: string): Promise<void> {
  try {
    const { collections = [] } = await admin.collections<{ collections?: string[] }>('LIST');
    if (collections.includes(collection))
      await admin.collections('DELETE', { name: collection }, true);
  } catch {
    // The push failed already; its error is what the webmaster needs to see.
  }
}
