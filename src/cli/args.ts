/** The command line: options and their checks. The help text is in help.ts. */
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { dateProblem } from '../core/calendar-date.js';
import { parseBaseUrl } from './base-url.js';
import { UsageError } from './cli-error.js';
import { DEFAULT_CACHE, DEFAULT_OUT } from './help.js';
import { parseSolrTarget, SOLR_PUSH_DEFAULTS } from './solr/write-solr.js';
import { HEADING_ID_STYLES, type HeadingIdStyle } from './sources/heading-ids.js';
import { URL_STYLES, type UrlStyle } from './sources/page-paths.js';

export { DEFAULT_OUT, HELP } from './help.js';

/** `--to-solr`: where and how to push instead of writing an index file. */
export interface SolrOptions {
  /** May contain `{lang}`. */
  url: string;
  configset: string;
  shards: number;
  replicas: number;
  keep: number;
}

/** What every build has, whatever its input. */
interface IndexOptions {
  /** Push to Solr instead of writing `out`. */
  solr?: SolrOptions;
  /** May contain `{lang}`, replaced by each language of `langs`. */
  out: string;
  /** Checked, without trailing slash. */
  baseUrl?: string;
  synonyms?: string;
  dataDate?: string;
  /** Characters of each document kept for snippets. */
  snippetText?: number;
  /** Languages to build, one index each; undefined: all documents in one index. */
  langs?: string[];
  include: string[];
  exclude: string[];
  strict: boolean;
  quiet: boolean;
}

export interface BuildCommand extends IndexOptions {
  kind: 'build';
  input: string;
  urlStyle?: UrlStyle;
  headingIds?: HeadingIdStyle;
}

export interface CrawlCommand extends IndexOptions {
  kind: 'crawl';
  startUrl: string;
  sitemaps: string[];
  maxPages: number;
  concurrency: number;
  /** Requests per second. */
  rate: number;
  timeoutMs: number;
  retries: number;
  userAgent?: string;
  /** Folder, relative to the working directory. */
  cache: string;
}

export type Command = BuildCommand | CrawlCommand | { kind: 'help' } | { kind: 'version' };

const CRAWL_DEFAULTS = { maxPages: 5000, concurrency: 4, rate: 5, timeout: 20, retries: 2 };

function checkDate(value: string): string {
  const problem = dateProblem(value);
  if (problem) throw new UsageError(`--data-date ${problem}.`);
  return value;
}

function checkCount(value: string): number {
  if (!/^\d+$/.test(value.trim())) {
    throw new UsageError('--snippet-text must be a number of characters, e.g. 500 (0: none).');
  }
  return Number(value);
}

/** A whole number in [min, max] for `option`. */
function checkInteger(
  option: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
) {
  if (value === undefined) return fallback;
  const number = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!(number >= min && number <= max)) {
    throw new UsageError(
      `--${option} must be a whole number from ${min} to ${max}, e.g. ${fallback}.`,
    );
  }
  return number;
}

/** A positive number (decimals allowed) in (0, max] for `option`. */
function checkPositive(option: string, value: string | undefined, fallback: number, max: number) {
  if (value === undefined) return fallback;
  const number = /^\d+(?:\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
  if (!(number > 0 && number <= max)) {
    throw new UsageError(
      `--${option} must be a number above 0 and at most ${max}, e.g. ${fallback}.`,
    );
  }
  return number;
}

function checkChoice<T extends string>(
  option: string,
  value: string | undefined,
  choices: readonly T[],
) {
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`--${option} must be one of ${choices.join(', ')}.`);
  }
  return value as T;
}

function checkLangs(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const tags = value
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
  if (!tags.length)
    throw new UsageError('--lang needs a language, e.g. --lang de or --lang de,en.');
  return [
    ...new Set(
      tags.map((tag) => {
        try {
          return Intl.getCanonicalLocales(tag)[0]!;
        } catch {
          throw new UsageError(`--lang: "${tag}" is not a language tag; use e.g. de, en or de-AT.`);
        }
      }),
    ),
  ];
}

function checkStartUrl(value: string | undefined): string {
  if (!value)
    throw new UsageError(
      'crawl needs the start URL of the site, e.g. hzd-search-index crawl https://www.example.de/',
    );
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(
      `crawl: "${value}" is not a URL; give the full address, e.g. https://www.example.de/.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError('crawl: the start URL must start with http:// or https://.');
  url.hash = '';
  return url.href;
}

function checkSitemaps(values: readonly string[]): string[] {
  return values.map((value) => {
    try {
      const url = new URL(value);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // reported below
    }
    throw new UsageError(`--sitemap: "${value}" is not an http(s) URL.`);
  });
}

const SOLR_ONLY = ['solr-configset', 'solr-shards', 'solr-replicas', 'solr-keep'] as const;

function checkSolr(
  values: Partial<Record<'to-solr' | (typeof SOLR_ONLY)[number], string>>,
): SolrOptions | undefined {
  const url = values['to-solr'];
  if (url === undefined) {
    const stray = SOLR_ONLY.find((option) => values[option] !== undefined);
    if (stray) throw new UsageError(`--${stray} is an option of --to-solr <url>.`);
    return undefined;
  }
  if (!url.trim()) throw new UsageError('--to-solr needs the URL of Solr and the alias.');
  try {
    parseSolrTarget(url.trim().replaceAll('{lang}', 'de'));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const configset = values['solr-configset'] ?? SOLR_PUSH_DEFAULTS.configset;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(configset))
    throw new UsageError(`--solr-configset: "${configset}" is not a configset name.`);
  return {
    url: url.trim(),
    configset,
    shards: checkInteger('solr-shards', values['solr-shards'], SOLR_PUSH_DEFAULTS.shards, 1, 64),
    replicas: checkInteger(
      'solr-replicas',
      values['solr-replicas'],
      SOLR_PUSH_DEFAULTS.replicas,
      1,
      16,
    ),
    keep: checkInteger('solr-keep', values['solr-keep'], SOLR_PUSH_DEFAULTS.keep, 0, 100),
  };
}

const BUILD_ONLY = ['url-style', 'heading-ids'] as const;
const CRAWL_ONLY = [
  'sitemap',
  'max-pages',
  'concurrency',
  'rate',
  'timeout',
  'retries',
  'user-agent',
  'cache',
] as const;

export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        'base-url': { type: 'string' },
        synonyms: { type: 'string' },
        'data-date': { type: 'string' },
        'snippet-text': { type: 'string' },
        include: { type: 'string', multiple: true },
        exclude: { type: 'string', multiple: true },
        lang: { type: 'string' },
        strict: { type: 'boolean' },
        'url-style': { type: 'string' },
        'heading-ids': { type: 'string' },
        sitemap: { type: 'string', multiple: true },
        'max-pages': { type: 'string' },
        concurrency: { type: 'string' },
        rate: { type: 'string' },
        timeout: { type: 'string' },
        retries: { type: 'string' },
        'user-agent': { type: 'string' },
        cache: { type: 'string' },
        'to-solr': { type: 'string' },
        'solr-configset': { type: 'string' },
        'solr-shards': { type: 'string' },
        'solr-replicas': { type: 'string' },
        'solr-keep': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    // parseArgs explains unknown options and missing values well; keep its words.
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  if (positionals.length === 0)
    throw new UsageError('missing <input>: a folder, a JSON file, or crawl <start-url>.');
  const crawl = positionals[0] === 'crawl';
  const expected = crawl ? 2 : 1;
  if (positionals.length > expected)
    throw new UsageError(
      `expected ${crawl ? 'one <start-url> after crawl' : 'one <input>'}, got ${positionals.length - expected + 1}: ${positionals.slice(expected - 1).join(' ')}`,
    );
  for (const option of crawl ? BUILD_ONLY : CRAWL_ONLY) {
    if (values[option] !== undefined)
      throw new UsageError(
        crawl
          ? `--${option} is for folders, not for crawl.`
          : `--${option} is an option of crawl: hzd-search-index crawl <start-url> --${option} …`,
      );
  }
  if (values.out !== undefined && !values.out.trim())
    throw new UsageError('--out needs a file name.');
  const langs = checkLangs(values.lang);
  const out =
    values.out ??
    (langs && langs.length > 1 ? DEFAULT_OUT.replace('.json', '.{lang}.json') : DEFAULT_OUT);
  if (langs && langs.length > 1 && !out.includes('{lang}'))
    throw new UsageError(
      `--lang ${langs.join(',')} builds one index per language, so --out must contain {lang}, e.g. --out index.{lang}.json.`,
    );
  const solr = checkSolr(values);
  if (solr && values.out !== undefined)
    throw new UsageError('--out and --to-solr: give one; --to-solr writes no index file.');
  if (solr && langs && langs.length > 1 && !solr.url.includes('{lang}'))
    throw new UsageError(
      `--lang ${langs.join(',')} pushes one collection per language, so --to-solr must contain {lang}, e.g. http://localhost:8983/solr/hzd-{lang}.`,
    );
  const common: IndexOptions = {
    solr,
    out,
    baseUrl: values['base-url'] === undefined ? undefined : parseBaseUrl(values['base-url']),
    synonyms: values.synonyms,
    dataDate: values['data-date'] === undefined ? undefined : checkDate(values['data-date']),
    snippetText:
      values['snippet-text'] === undefined ? undefined : checkCount(values['snippet-text']),
    langs,
    include: values.include ?? [],
    exclude: values.exclude ?? [],
    strict: values.strict ?? false,
    quiet: values.quiet ?? false,
  };
  if (!crawl) {
    return {
      kind: 'build',
      ...common,
      input: positionals[0]!,
      urlStyle: checkChoice('url-style', values['url-style'], URL_STYLES),
      headingIds: checkChoice('heading-ids', values['heading-ids'], HEADING_ID_STYLES),
    };
  }
  if (values.cache !== undefined && !values.cache.trim())
    throw new UsageError('--cache needs a folder.');
  return {
    kind: 'crawl',
    ...common,
    startUrl: checkStartUrl(positionals[1]),
    sitemaps: checkSitemaps(values.sitemap ?? []),
    maxPages: checkInteger('max-pages', values['max-pages'], CRAWL_DEFAULTS.maxPages, 1, 1_000_000),
    concurrency: checkInteger('concurrency', values.concurrency, CRAWL_DEFAULTS.concurrency, 1, 32),
    rate: checkPositive('rate', values.rate, CRAWL_DEFAULTS.rate, 1000),
    timeoutMs: checkPositive('timeout', values.timeout, CRAWL_DEFAULTS.timeout, 600) * 1000,
    retries: checkInteger('retries', values.retries, CRAWL_DEFAULTS.retries, 0, 10),
    userAgent: values['user-agent']?.trim() || undefined,
    cache: values.cache ?? join(dirname(out), DEFAULT_CACHE),
  };
}
