/** The command line: options, their checks, and the help text. */
import { parseArgs } from 'node:util';
import { dateProblem } from '../core/calendar-date.js';
import { parseBaseUrl } from './base-url.js';
import { UsageError } from './cli-error.js';

export interface BuildCommand {
  kind: 'build';
  input: string;
  out: string;
  /** Checked, without trailing slash. */
  baseUrl?: string;
  synonyms?: string;
  dataDate?: string;
  /** Characters of each document kept for snippets. */
  snippetText?: number;
  quiet: boolean;
}

export type Command = BuildCommand | { kind: 'help' } | { kind: 'version' };

export const DEFAULT_OUT = 'search-index.json';

export const HELP = `Usage: hzd-search-index <input> [options]

Builds the search index file for hzd-search-widget.

<input> is one of:
  a folder               Markdown files (*.md) with YAML front matter and HTML pages
                         (*.html, *.htm), searched in all subfolders
  a .json file           an array of documents
  a .jsonl/.ndjson file  one document per line

Options:
  -o, --out <file>        where to write the index (default: ${DEFAULT_OUT})
      --base-url <url>    make relative document URLs absolute, e.g. https://www.example.de
      --synonyms <file>   extra synonym groups: a JSON array of arrays, or a text file with
                          one group per line, phrases separated by |
      --data-date <date>  the "Datenstand" shown to visitors, YYYY-MM-DD
                          (default: the newest "updated" date of the documents)
      --snippet-text <n>  characters of each document kept for snippets (default 2000);
                          most of a large index is this text, 0 keeps none (snippets then
                          come from the summary)
  -q, --quiet             print errors only
  -h, --help              show this help
      --version           show the version

Every document needs id, title and url (in HTML pages they come from the file path and
<title>). The index file is replaced only when the build succeeds.

Exit codes: 0 success, 1 a problem in the content or files, 2 wrong usage.
`;

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
  if (positionals.length === 0) throw new UsageError('missing <input>: a folder or a JSON file.');
  if (positionals.length > 1)
    throw new UsageError(
      `expected one <input>, got ${positionals.length}: ${positionals.join(' ')}`,
    );
  if (values.out !== undefined && !values.out.trim())
    throw new UsageError('--out needs a file name.');
  return {
    kind: 'build',
    input: positionals[0]!,
    out: values.out ?? DEFAULT_OUT,
    baseUrl: values['base-url'] === undefined ? undefined : parseBaseUrl(values['base-url']),
    synonyms: values.synonyms,
    dataDate: values['data-date'] === undefined ? undefined : checkDate(values['data-date']),
    snippetText:
      values['snippet-text'] === undefined ? undefined : checkCount(values['snippet-text']),
    quiet: values.quiet ?? false,
  };
}
