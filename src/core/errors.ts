/**
 * Typed errors of the core. Messages are written for webmasters: they say what is wrong and what
 * to do, and never include raw content that could be mistaken for markup.
 */

export type IndexErrorCode =
  'not-json' | 'not-an-index' | 'unsupported-format-version' | 'analyzer-mismatch' | 'corrupt';

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
