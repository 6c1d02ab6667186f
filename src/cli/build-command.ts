/** The build: read and validate the input, build the index, write it atomically, report. */
import { resolve } from 'node:path';
import { buildIndex } from '../core/index.js';
import type { BuildCommand } from './args.js';
import { absoluteUrl } from './base-url.js';
import { UsageError } from './cli-error.js';
import { readInput } from './input.js';
import type { CliIo } from './io.js';
import { createProgress, PROGRESS_THRESHOLD } from './progress.js';
import { formatSummary } from './summary.js';
import { readSynonyms } from './synonyms.js';
import { validateRawDocuments } from './validate.js';
import { writeFileAtomic } from './write-atomic.js';
import { writeError } from './write-error.js';

export async function runBuild(command: BuildCommand, io: CliIo): Promise<void> {
  const started = performance.now();
  const inputPath = resolve(io.cwd, command.input);
  const outPath = resolve(io.cwd, command.out);
  if (inputPath === outPath) throw new UsageError('--out must not be the input file.');

  // The small synonyms file first: a typo there should not wait for the whole input.
  const synonyms =
    command.synonyms === undefined
      ? undefined
      : await readSynonyms(resolve(io.cwd, command.synonyms), command.synonyms);
  let documents = validateRawDocuments(await readInput(inputPath, command.input));
  const { baseUrl } = command;
  if (baseUrl) documents = documents.map((doc) => ({ ...doc, url: absoluteUrl(doc.url, baseUrl) }));

  const progress =
    !command.quiet && documents.length > PROGRESS_THRESHOLD ? createProgress(io.stderr) : undefined;
  let index;
  try {
    index = buildIndex(documents, {
      synonyms,
      dataDate: command.dataDate,
      storedTextLength: command.snippetText,
      onProgress: progress?.onProgress,
    });
  } finally {
    progress?.finish();
  }
  const json = JSON.stringify(index);
  try {
    await writeFileAtomic(outPath, json);
  } catch (error) {
    throw await writeError(error, command.out, io.cwd);
  }
  if (!command.quiet)
    io.stdout.write(formatSummary(index, json, command.out, performance.now() - started));
}
