/**
 * --synonyms: extra synonym groups, as JSON (an array of arrays of strings) or as text with one
 * group per line, phrases separated by | and # starting a comment line.
 */
import { extname } from 'node:path';
import type { SynonymGroup } from '../core/index.js';
import { CliError } from './cli-error.js';
import { findJsonSyntaxError } from './json-source.js';
import { lineColumnAt } from './positions.js';
import { readText } from './read-text.js';

const TEXT_HINT = 'Write one group per line with the phrases separated by |, e.g. EAÜ | Fußfessel.';

function fromJson(text: string, file: string): SynonymGroup[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const problem = findJsonSyntaxError(text) ?? { offset: text.length, message: 'invalid JSON' };
    throw new CliError(`invalid JSON: ${problem.message}.`, {
      file,
      ...lineColumnAt(text, problem.offset),
    });
  }
  const valid =
    Array.isArray(value) &&
    value.every(
      (group) => Array.isArray(group) && group.every((phrase) => typeof phrase === 'string'),
    );
  if (!valid) {
    throw new CliError(
      'the synonyms file must hold an array of groups, each an array of texts.',
      { file },
      'For example: [["EAÜ", "Fußfessel", "elektronische Aufenthaltsüberwachung"]].',
    );
  }
  return value as SynonymGroup[];
}

function fromText(text: string, file: string): SynonymGroup[] {
  const groups: SynonymGroup[] = [];
  text.split('\n').forEach((content, index) => {
    const line = content.trim();
    if (!line || line.startsWith('#')) return;
    const group = line
      .split('|')
      .map((phrase) => phrase.trim())
      .filter(Boolean);
    if (group.length < 2) {
      throw new CliError(
        'a synonym group needs at least two phrases separated by |.',
        { file, line: index + 1 },
        TEXT_HINT,
      );
    }
    groups.push(group);
  });
  return groups;
}

/** `path` is absolute; `display` is the option value as typed. */
export async function readSynonyms(path: string, display: string): Promise<SynonymGroup[]> {
  let text: string;
  try {
    text = await readText(path, display);
  } catch (error) {
    // Say which option the file belongs to: a typo in --synonyms is the usual cause.
    if (error instanceof CliError && !error.where.file)
      throw new CliError(`--synonyms: ${error.message}`, {}, error.hint);
    throw error;
  }
  return extname(path).toLowerCase() === '.json'
    ? fromJson(text, display)
    : fromText(text, display);
}
