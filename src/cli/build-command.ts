/**
 * The build: read (or crawl) and validate the input, build one index (or one per language),
 * write each atomically, report what was left out and why.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { IndexBuilder, type SearchDocument, type SerializedIndex } from '../core/index.js';
import type { BuildCommand, CrawlCommand, SolrOptions } from './args.js';
import { DEFAULT_RETRY } from './solr/solr-http.js';
import { parseSolrTarget, pushToSolr, SOLR_PUSH_DEFAULTS } from './solr/write-solr.js';
import { absoluteUrl } from './base-url.js';
import { CliError, UsageError, type ManyProblems } from './cli-error.js';
import { crawlSite } from './crawl/crawl-command.js';
import { readInputStream } from './input.js';
import { jsonPieces, SizeCounter } from './index-json.js';
import type { CliIo } from './io.js';
import { inLanguage } from './languages.js';
import { pathFilter } from './path-filter.js';
import { BuildProgress, PROGRESS_THRESHOLD } from './progress.js';
import { BuildReport, formatProblem, StrictError, type Problem } from './report.js';
import { formatSummary } from './summary.js';
import { readSynonyms } from './synonyms.js';
import { RawValidator, withDerivedIds } from './validate.js';
import type { RawDocument } from './sources/raw-document.js';
import { writeFileAtomic } from './write-atomic.js';
import { writeSharded } from './write-sharded.js';
import { shardPieces } from '../core/sharded/write.js';
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

/** The documents of the input (or the crawl), as they are read. */
async function* readDocuments(
  command: BuildCommand | CrawlCommand,
  io: CliIo,
  report: BuildReport,
): AsyncGenerator<RawDocument> {
  const filter = pathFilter(command.include, command.exclude);
  if (command.kind === 'crawl') {
    yield* withDerivedIds(await crawlSite(command, filter, io, report));
    return;
  }
  const inputPath = resolve(io.cwd, command.input);
  if (inputPath === resolve(io.cwd, command.out))
    throw new UsageError('--out must not be the input file.');
  yield* readInputStream(
    inputPath,
    command.input,
    { filter, urlStyle: command.urlStyle, headingIds: command.headingIds },
    report,
  );
}

/** Writes `index` as one file or (to a folder) sharded; returns the build summary. */
async function writeIndex(
  index: SerializedIndex,
  out: string,
  target: string,
  started: number,
  progress: BuildProgress | undefined,
): Promise<string> {
  const counter = new SizeCounter();
  if (await isFolderTarget(out, target)) {
    // What the summary needs is kept; the rest of the index is let go of as its shards are
    // written, so the index and all its shards are never in memory at once.
    const summaryOf = {
      ...index,
      keys: { length: index.keys.length } as string[],
      postings: [],
      documents: [],
    };
    const files = await writeSharded(
      target,
      shardPieces(index, { release: true }),
      async (file) => {
        if (file.kind !== 'manifest') progress?.shardWritten();
        await counter.add(file.content);
      },
    );
    const size = await counter.finish();
    return formatSummary(summaryOf, size, out, performance.now() - started, files);
  }
  await writeFileAtomic(target, jsonPieces(index), (piece) => counter.add(piece));
  return formatSummary(index, await counter.finish(), out, performance.now() - started);
}

async function writeIndexOrError(
  index: SerializedIndex,
  out: string,
  cwd: string,
  started: number,
  progress: BuildProgress | undefined,
): Promise<string> {
  try {
    return await writeIndex(index, out, resolve(cwd, out), started, progress);
  } catch (error) {
    throw await writeError(error, out, cwd);
  }
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
  const { baseUrl } = command;
  const builds = (command.langs ?? [undefined]).map((lang) => ({
    lang,
    out: lang ? command.out.replaceAll('{lang}', lang) : command.out,
    // Solr analyzes the documents itself: they are pushed as they are, so they are kept.
    documents: [] as SearchDocument[],
    builder: new IndexBuilder({
      synonyms,
      dataDate: command.dataDate,
      storedTextLength: command.snippetText,
      language: lang,
    }),
  }));
  // One document at a time from reading to its builder, so the input is never held whole.
  const validator = new RawValidator(report);
  let accepted = 0;
  const progress = command.quiet ? undefined : new BuildProgress(io.stderr);
  for await (const raw of readDocuments(command, io, report)) {
    progress?.documentRead();
    const valid = validator.validate(raw);
    if (!valid) continue;
    accepted++;
    const doc = baseUrl ? { ...valid, url: absoluteUrl(valid.url, baseUrl) } : valid;
    for (const build of builds) {
      if (build.lang && !inLanguage(doc, build.lang)) continue;
      if (command.solr) build.documents.push(doc);
      else build.builder.add(doc);
    }
  }
  if (command.strict && report.problems.length) throw new StrictError(report.problems);
  if (accepted === 0) throw nothingLeft(report);
  for (const build of builds) {
    if (!(command.solr ? build.documents.length : build.builder.size)) {
      throw new CliError(
        `no documents in the language "${build.lang}" (--lang): of ${accepted} documents none has lang ${build.lang}.`,
        {},
        'Documents without a language count as German (de); set lang in the front matter or <html lang>.',
      );
    }
  }

  if (command.solr) {
    progress?.finish();
    await pushBuilds(command, command.solr, builds, io);
    for (const problem of report.problems) io.stderr.write(formatProblem(problem, 'warning'));
    return;
  }

  const summaries: string[] = [];
  for (const build of builds) {
    // Small inputs build in a moment: no progress for them.
    const shown = build.builder.size > PROGRESS_THRESHOLD ? progress : undefined;
    // The indexing starts now: its rate is counted from here, not from its first report.
    shown?.indexing(0, build.builder.size);
    try {
      const index = build.builder.finish(shown && ((done, total) => shown.indexing(done, total)));
      summaries.push(await writeIndexOrError(index, build.out, io.cwd, started, shown));
    } finally {
      progress?.finish();
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
