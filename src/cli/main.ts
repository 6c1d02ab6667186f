/**
 * hzd-search-index: builds the search index file from Markdown, HTML, PDF or JSON content, or
 * from a live site it crawls.
 * `run` is the whole CLI as a function (tests call it in-process); the module runs it only when
 * executed directly, not when imported.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HELP, parseCommand } from './args.js';
import { runBuild } from './build-command.js';
import { reportError } from './cli-error.js';
import { withDefaults, type CliIo } from './io.js';
import { packageVersion } from './version.js';
import { ANALYZER_VERSION } from '../core/index.js';

export type { CliIo } from './io.js';

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function run(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const streams = withDefaults(io);
  try {
    const command = parseCommand(argv);
    if (command.kind === 'help') {
      streams.stdout.write(HELP);
    } else if (command.kind === 'version') {
      streams.stdout.write(`hzd-search-index ${packageVersion()} (analyzer ${ANALYZER_VERSION})\n`);
    } else {
      await runBuild(command, streams);
    }
    return 0;
  } catch (error) {
    return reportError(error, streams.stderr);
  }
}

function isExecutedDirectly(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    // realpath: npm starts bins through symlinks in node_modules/.bin.
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isExecutedDirectly()) {
  // exitCode rather than exit(): lets stdout drain when it is a pipe.
  // No top-level await, so the bundle also works where that is unavailable.
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
