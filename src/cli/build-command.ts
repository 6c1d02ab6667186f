/**
 * The build: read (or crawl) and validate the input, build one index (or one per language),
 * write each atomically, report what was left out and why.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildIndex, type SearchDocument } from '../core/index.js';
import type { BuildCommand, CrawlCommand, SolrOptions } from './args.js';
import { DEFAULT_RETRY } from './solr/solr-http.js';
import { parseSolrTarget, pushToSolr, SOLR_PUSH_DEFAULTS } from './solr/write-solr.js';
import { absoluteUrl } from './base-url.js';
import { CliError, UsageError, type ManyProblems } from './cli-error.js';
import { crawlSite } from './crawl/crawl-command.js';
import { readInput } from './input.js';
import type { CliIo } from './io.js';
import { inLanguage } from './languages.js';
import { pathFilter } from './path-filter.js';
import { createProgress, PROGRESS_THRESHOLD } from './progress.js';
import { BuildReport, formatProblem, StrictError, type Problem } from './report.js';
import { formatSummary } from './summary.js';
import { readSynonyms } from './synonyms.js';
import { validateRawDocuments } from './validate.js';
import { writeFileAtomic } from './write-atomic.js';
import { writeSharded } from './write-sharded.js';
import { shardIndex } from '../core/sharded/write.js';
import { writeError } from './write-error.js';

/** `--out` names a folder (a sharded index) if it ends with a slash or is an existing folder. */
async function isFolderTarget(out: string, path: string): Promise<boolean> {
  if (/[/\\]$/.test(out)) return true;
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Nothing left to index: the problems that caused it are printed as errors first. */
class NothingToIndex extends CliError implements ManyProblems {
  constructor(
    message: string,
    readonly problems: readonly Problem[],
    hint?: string,
  ) {
    super(message, {}, hint);
  }
}

function nothingLeft(report: BuildReport): NothingToIndex {
  const problems = report.problems.length;
  const skipped = report.skippedCount;
  const reasons = [
    problems ? `${problems} with ${problems === 1 ? 'a problem' : 'problems'}` : '',
    skipped ? `${skipped} left out on purpose (${[...report.skipped.keys()].join('; ')})` : '',
  ].filter(Boolean);
  return new NothingToIndex(
    `no documents to index: ${reasons.join(', ') || 'the input holds none'}.`,
    report.problems,
  );
}

async function readDocuments(
  command: BuildCommand | CrawlCommand,
  io: CliIo,
  report: BuildReport,
): Promise<SearchDocument[]> {
  const filter = pathFilter(command.include, command.exclude);
  if (command.kind === 'crawl') {
    return validateRawDocuments(await crawlSite(command, filter, io, report), report);
  }
  const inputPath = resolve(io.cwd, command.input);
  if (inputPath === resolve(io.cwd, command.out))
    throw new UsageError('--out must not be the input file.');
  const raws = await readInput(
    inputPath,
    command.input,
    { filter, urlStyle: command.urlStyle, headingIds: command.headingIds },
    report,
  );
  return validateRawDocuments(raws, report);
}

/** `--to-solr`: one push per language, each switching its alias only when it is complete. */
async function pushBuilds(
  command: BuildCommand | CrawlCommand,
  solr: SolrOptions,
  builds: { lang: string | undefined; documents: SearchDocument[] }[],
  io: CliIo,
): Promise<void> {
  for (const build of builds) {
    const target = parseSolrTarget(
      build.lang ? solr.url.replaceAll('{lang}', build.lang) : solr.url,
    );
    const started = performance.now();
    const result = await pushToSolr(build.documents, target, {
      ...solr,
      batchSize: SOLR_PUSH_DEFAULTS.batchSize,
      retry: DEFAULT_RETRY,
      log: command.quiet ? undefined : (line) => io.stdout.write(`${line}\n`),
    });
    if (!command.quiet) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      io.stdout.write(
        `Pushed ${result.documents} documents to ${target.baseUrl}/${target.alias} (collection ${result.collection}) in ${seconds} s.\n`,
      );
    }
  }
}

export async function runBuild(command: BuildCommand | CrawlCommand, io: CliIo): Promise<void> {
  const started = performance.now();
  // The small synonyms file first: a typo there should not wait for the whole input.
  const synonyms =
    command.synonyms === undefined
      ? undefined
      : await readSynonyms(resolve(io.cwd, command.synonyms), command.synonyms);
  const report = new BuildReport();
  let documents = await readDocuments(command, io, report);
  if (command.strict && report.problems.length) throw new StrictError(report.problems);
  if (documents.length === 0) throw nothingLeft(report);
  const { baseUrl } = command;
  if (baseUrl) documents = documents.map((doc) => ({ ...doc, url: absoluteUrl(doc.url, baseUrl) }));

  const builds = (command.langs ?? [undefined]).map((lang) => ({
    lang,
    out: lang ? command.out.replaceAll('{lang}', lang) : command.out,
    documents: lang ? documents.filter((doc) => inLanguage(doc, lang)) : documents,
  }));
  for (const build of builds) {
    if (!build.documents.length) {
      throw new CliError(
        `no documents in the language "${build.lang}" (--lang): of ${documents.length} documents none has lang ${build.lang}.`,
        {},
        'Documents without a language count as German (de); set lang in the front matter or <html lang>.',
      );
    }
  }

  if (command.solr) {
    await pushBuilds(command, command.solr, builds, io);
    for (const problem of report.problems) io.stderr.write(formatProblem(problem, 'warning'));
    return;
  }

  const summaries: string[] = [];
  for (const build of builds) {
    const progress =
      !command.quiet && build.documents.length > PROGRESS_THRESHOLD
        ? createProgress(io.stderr)
        : undefined;
    let index;
    try {
      index = buildIndex(build.documents, {
        synonyms,
        dataDate: command.dataDate,
        storedTextLength: command.snippetText,
        language: build.lang,
        onProgress: progress?.onProgress,
      });
    } finally {
      progress?.finish();
    }
    const target = resolve(io.cwd, build.out);
    let written: string;
    try {
      if (await isFolderTarget(build.out, target)) {
        const { files } = shardIndex(index);
        await writeSharded(target, files);
        written = files.map((file) => file.content).join('');
        summaries.push(
          formatSummary(index, written, build.out, performance.now() - started, files.length),
        );
      } else {
        written = JSON.stringify(index);
        await writeFileAtomic(target, written);
        summaries.push(formatSummary(index, written, build.out, performance.now() - started));
      }
    } catch (error) {
      throw await writeError(error, build.out, io.cwd);
    }
  }
  // Problems are printed even with --quiet: a file was left out.
  for (const problem of report.problems) io.stderr.write(formatProblem(problem, 'warning'));
  if (command.quiet) return;
  io.stdout.write(summaries.join(''));
  const skipped = report.skippedLines();
  if (skipped.length)
    io.stdout.write(`Left out on purpose:\n${skipped.map((line) => `  ${line}\n`).join('')}`);
  if (report.problems.length) {
    const count = report.problems.length;
    io.stdout.write(
      `Left out with ${count === 1 ? 'a problem' : `${count} problems`} (listed on stderr; --strict makes them fail the build).\n`,
    );
  }
}
