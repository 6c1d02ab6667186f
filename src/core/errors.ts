/**
 * Typed errors of the core. Messages are written for webmasters: they say what is wrong and what
 * to do, and never include raw content that could be mistaken for markup.
 */

export type IndexErrorCode =
  'not-json' | 'not-an-index' | 'unsupported-format-version' | 'analyzer-mismatch' | 'corrupt';

/** What a webmaster does about an index this version cannot use. */
export const REBUILD_ADVICE =
  'Rebuild it with the hzd-search-index command of the installed hzd-search-widget version.';

/** A damaged index file: `detail` says what is wrong. */
export function damagedIndex(detail: string, options?: { cause?: unknown }): IndexLoadError {
  return new IndexLoadError(
    'corrupt',
    `The search index file is damaged (${detail}). ${REBUILD_ADVICE}`,
    options,
  );
}

/** Thrown by `loadIndex` for anything that is not a usable index of this library's version. */
export class IndexLoadError extends Error {
  override readonly name = 'IndexLoadError';
  constructor(
    readonly code: IndexErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Thrown by `buildIndex` and the CLI for content that cannot be indexed. */
export class ContentError extends Error {
  override readonly name = 'ContentError';
  constructor(
    message: string,
    /** Where the problem is, as precisely as known: file, line, document id, field. */
    readonly location: { file?: string; line?: number; id?: string; field?: string } = {},
  ) {
    super(message);
  }
}

/** Why a search source that asks a server (e.g. `SolrSource`) could not answer. */
export type SearchSourceErrorCode =
  /** No answer: offline, DNS, refused, or blocked by CORS. */
  | 'network'
  /** No answer within the source's timeout. */
  | 'timeout'
  /** The server answered with an HTTP error status (see `status`). */
  | 'server'
  /** The server answered, but not with what the source expects (HTML, cut-off or other JSON). */
  | 'malformed';

/**
 * Thrown (as a rejection) by server-backed search sources. The widget keeps `code` and
 * `message` in its error state and `hzd-error`, so a webmaster sees which of these it was.
 */
export class SearchSourceError extends Error {
  override readonly name = 'SearchSourceError';
  constructor(
    readonly code: SearchSourceErrorCode,
    message: string,
    options?: { cause?: unknown; status?: number },
  ) {
    super(message, options);
    this.status = options?.status;
  }

  /** The HTTP status, for `server`. */
  readonly status: number | undefined;
}
