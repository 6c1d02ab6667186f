/**
 * Errors the CLI reports to webmasters. Each one becomes a single `error: file:line: message`
 * line (plus an optional hint), so editors and CI logs can jump to the place to fix.
 */
import { ContentError } from '../core/index.js';

export interface Where {
  file?: string;
  line?: number;
  column?: number;
}

/** A problem with the input or the files: exit code 1. */
export class CliError extends Error {
  override readonly name: string = 'CliError';
  readonly exitCode: number = 1;
  constructor(
    message: string,
    readonly where: Where = {},
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** A wrong command line: exit code 2, and the hint points at --help. */
export class UsageError extends CliError {
  override readonly name: string = 'UsageError';
  override readonly exitCode: number = 2;
  constructor(message: string, hint = 'Run hzd-search-index --help for usage.') {
    super(message, {}, hint);
  }
}

export function formatWhere({ file, line, column }: Where): string {
  if (!file) return '';
  if (line === undefined) return file;
  return column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}

/** Node's file system errors carry a code; webmasters need words instead. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'file or folder not found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  return error instanceof Error ? error.message : String(error);
}

/** An error that stands for several problems, each printed as its own `error:` line first. */
export interface ManyProblems {
  problems: readonly { message: string; where: Where; hint?: string }[];
}

function hasProblems(error: unknown): error is CliError & ManyProblems {
  return error instanceof CliError && Array.isArray((error as Partial<ManyProblems>).problems);
}

/** Writes the error to stderr and returns the exit code. */
export function reportError(error: unknown, stderr: { write(text: string): unknown }): number {
  if (hasProblems(error)) {
    for (const problem of error.problems) {
      stderr.write(formatDiagnostic('error', problem.where, problem.message, problem.hint));
    }
  }
  let where: Where = {};
  let hint: string | undefined;
  let exitCode = 1;
  let message: string;
  if (error instanceof CliError) {
    ({ where, hint, exitCode, message } = error);
  } else if (error instanceof ContentError) {
    // Content errors the CLI could not attribute to a file (it normally does) keep the core's words.
    where = { file: error.location.file, line: error.location.line };
    message = error.message;
  } else {
    message = `unexpected failure: ${error instanceof Error ? error.message : String(error)}`;
  }
  stderr.write(formatDiagnostic('error', where, message, hint));
  return exitCode;
}

/** `level: file:line: message`, and the hint on a line of its own. */
export function formatDiagnostic(
  level: 'error' | 'warning',
  where: Where,
  message: string,
  hint?: string,
): string {
  const place = formatWhere(where);
  // One line per problem: content never spans lines in the output.
  const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ');
  let text = `${level}: ${place ? `${place}: ` : ''}${oneLine(message)}\n`;
  if (hint) text += `hint: ${oneLine(hint)}\n`;
  return text;
}
