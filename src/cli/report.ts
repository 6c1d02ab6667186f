/**
 * What a build leaves out, and why. Two kinds:
 * - problems: a file or page that could not be indexed (bad front matter, missing title, a
 *   timeout). It is skipped and the build goes on; the summary lists each one with file and line,
 *   and `--strict` turns any problem into a failed build.
 * - skipped: left out on purpose (drafts, `noindex`, error pages, robots.txt rules). Counted by
 *   reason in the summary, never an error.
 */
import { CliError, formatDiagnostic, type Where } from './cli-error.js';

export interface Problem {
  message: string;
  where: Where;
  hint?: string;
}

/** How many examples of each skip reason the summary names. */
const EXAMPLES = 3;

export class BuildReport {
  readonly problems: Problem[] = [];
  /** Reason → what was skipped for it (files or URLs), in order. */
  readonly skipped = new Map<string, string[]>();

  problem(error: CliError): void {
    this.problems.push({ message: error.message, where: error.where, hint: error.hint });
  }

  skip(reason: string, what: string): void {
    const list = this.skipped.get(reason);
    if (list) list.push(what);
    else this.skipped.set(reason, [what]);
  }

  get skippedCount(): number {
    let count = 0;
    for (const list of this.skipped.values()) count += list.length;
    return count;
  }

  /** Lines for the summary: one per skip reason, with a few examples. */
  skippedLines(): string[] {
    return [...this.skipped].map(([reason, list]) => {
      const shown = list.slice(0, EXAMPLES).join(', ');
      const more = list.length > EXAMPLES ? `, … (${list.length - EXAMPLES} more)` : '';
      return `${list.length} ${reason}: ${shown}${more}`;
    });
  }
}

/** One problem as `level: file:line: message`, and its hint on the next line. */
export function formatProblem(problem: Problem, level: 'warning' | 'error'): string {
  return formatDiagnostic(level, problem.where, problem.message, problem.hint);
}

/** `--strict` and a build with problems: each is an error, and nothing is written. */
export class StrictError extends CliError {
  override readonly name = 'StrictError';
  constructor(readonly problems: readonly Problem[]) {
    super(
      `--strict: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}, so no index was written.`,
      {},
      'Fix the files named above, or build without --strict to skip them.',
    );
  }
}
