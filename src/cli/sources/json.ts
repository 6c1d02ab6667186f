/**
 * JSON input: a `.json` file holding an array of documents, or JSON Lines (`.jsonl`, `.ndjson`)
 * with one document per line. Errors name the line (and for arrays the item index).
 */
import { CliError } from '../cli-error.js';
import {
  arrayElementPositions,
  findJsonSyntaxError,
  type ElementPosition,
} from '../json-source.js';
import { lineAt, lineColumnAt } from '../positions.js';
import type { RawDocument } from './raw-document.js';

function syntaxError(text: string, file: string, firstLine: number, hint: string): CliError {
  const problem = findJsonSyntaxError(text) ?? { offset: text.length, message: 'invalid JSON' };
  const { line, column } = lineColumnAt(text, problem.offset);
  return new CliError(
    `invalid JSON: ${problem.message}.`,
    { file, line: line + firstLine - 1, column },
    hint,
  );
}

export function readJsonArray(text: string, file: string): RawDocument[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw syntaxError(
      text,
      file,
      1,
      'Look for a missing comma, quote or bracket at or just before this position.',
    );
  }
  if (!Array.isArray(value)) {
    throw new CliError(
      'the JSON file must hold an array of documents.',
      { file, line: 1 },
      'Write it as [ { "id": "…", "title": "…", "url": "…" }, … ].',
    );
  }
  if (value.length === 0) {
    throw new CliError('no documents found: the JSON array is empty.', { file });
  }
  // Positions are needed only for error messages, so the text is scanned at most once, on demand.
  let positions: ElementPosition[] | undefined;
  return value.map((data, item): RawDocument => ({
    data,
    file,
    item,
    locate(field) {
      positions ??= arrayElementPositions(text);
      const element = positions[item];
      if (!element) return undefined;
      const offset = (field ? element.keys.get(field) : undefined) ?? element.start;
      return lineAt(text, offset);
    },
  }));
}

export function readJsonLines(text: string, file: string): RawDocument[] {
  const documents: RawDocument[] = [];
  text.split('\n').forEach((content, index) => {
    const line = index + 1;
    if (!content.trim()) return;
    let data: unknown;
    try {
      data = JSON.parse(content);
    } catch {
      throw syntaxError(
        content,
        file,
        line,
        'Each line must hold one complete JSON object; a document must not span several lines.',
      );
    }
    documents.push({ data, file, line });
  });
  if (documents.length === 0) {
    throw new CliError('no documents found: the file has no lines with documents.', { file });
  }
  return documents;
}
