/**
 * Validates the documents read from files with the core's rules and puts the file and line into
 * every error. Duplicate ids are checked here (not by the core) so both places can be named.
 */
import { ContentError, validateDocument, type SearchDocument } from '../core/index.js';
import { CliError, formatWhere } from './cli-error.js';
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

export function validateRawDocuments(raws: readonly RawDocument[]): SearchDocument[] {
  const firstById = new Map<string, RawDocument>();
  return raws.map((raw) => {
    let doc: SearchDocument;
    try {
      doc = validateDocument(raw.data);
    } catch (error) {
      if (error instanceof ContentError) throw located(error.message, raw, error.location.field);
      throw error;
    }
    const first = firstById.get(doc.id);
    if (first) {
      throw located(
        `Duplicate id "${doc.id}": it is already used by ${describe(first)}; every document needs a unique id.`,
        raw,
        'id',
      );
    }
    firstById.set(doc.id, raw);
    return doc;
  });
}
