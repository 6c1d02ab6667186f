/**
 * Validates the documents read from files with the core's rules and puts the file and line into
 * every error. A document with a problem is reported and left out; the others go on. Duplicate
 * ids are checked here (not by the core) so both places can be named.
 */
import { ContentError, validateDocument, type SearchDocument } from '../core/index.js';
import { CliError, formatWhere } from './cli-error.js';
import type { BuildReport } from './report.js';
import type { RawDocument } from './sources/raw-document.js';

function where(raw: RawDocument, field?: string) {
  return { file: raw.file, line: raw.locate?.(field) ?? raw.line };
}

function located(message: string, raw: RawDocument, field?: string): CliError {
  const prefix = raw.item === undefined ? '' : `item [${raw.item}]: `;
  return new CliError(prefix + message, where(raw, field), field && raw.hintFor?.(field));
}

function describe(raw: RawDocument): string {
  const place = formatWhere(where(raw, 'id'));
  return raw.item === undefined ? place : `${place} (item [${raw.item}])`;
}

function idOf(raw: RawDocument): string | undefined {
  const data = raw.data as Record<string, unknown> | null;
  const id = typeof data === 'object' && data ? data['id'] : undefined;
  return typeof id === 'string' ? id : typeof id === 'number' ? String(id) : undefined;
}

/**
 * Ids made from paths rarely collide (`a.md` and `a.html`; `a b.md` and `a-b.md`); when they do,
 * the later one gets `~2`, `~3`, … Given ids are reserved first, so a made-up id never takes one.
 */
function withUniqueDerivedIds(raws: readonly RawDocument[]): RawDocument[] {
  const taken = new Set(raws.filter((raw) => !raw.derivedId).map(idOf));
  return raws.map((raw) => {
    const id = idOf(raw);
    if (!raw.derivedId || id === undefined) return raw;
    let unique = id;
    for (let n = 2; taken.has(unique); n++) unique = `${id}~${n}`;
    taken.add(unique);
    return unique === id ? raw : { ...raw, data: { ...(raw.data as object), id: unique } };
  });
}

/**
 * Validates documents one at a time as they are read. Of each accepted document only where it
 * was is kept (for a later duplicate's message), not its content.
 */
export class RawValidator {
  private readonly firstById = new Map<string, string>();

  constructor(private readonly report: BuildReport) {}

  /** The clean document, or undefined when it has a problem (then reported). */
  validate(raw: RawDocument): SearchDocument | undefined {
    let doc: SearchDocument;
    try {
      doc = validateDocument(raw.data);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      this.report.problem(located(error.message, raw, error.location.field));
      return undefined;
    }
    const first = this.firstById.get(doc.id);
    if (first !== undefined) {
      this.report.problem(
        located(
          `Duplicate id "${doc.id}": it is already used by ${first}; every document needs a unique id.`,
          raw,
          'id',
        ),
      );
      return undefined;
    }
    this.firstById.set(doc.id, describe(raw));
    return doc;
  }
}

/** Ids made from paths get their suffixes before validation; see withUniqueDerivedIds. */
export function withDerivedIds(raws: readonly RawDocument[]): RawDocument[] {
  return raws.some((raw) => raw.derivedId) ? withUniqueDerivedIds(raws) : [...raws];
}

export function validateRawDocuments(
  raws: readonly RawDocument[],
  report: BuildReport,
): SearchDocument[] {
  const validator = new RawValidator(report);
  const documents: SearchDocument[] = [];
  for (const raw of withUniqueDerivedIds(raws)) {
    const doc = validator.validate(raw);
    if (doc) documents.push(doc);
  }
  return documents;
}
