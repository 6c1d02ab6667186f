/**
 * Why the index file could not be written, in words. Most causes are covered by describeFsError;
 * a file standing where --out needs a folder (`--out notes.txt/index.json`) gets its own message,
 * because Node reports it as EEXIST or ENOTDIR with an absolute path and without saying which
 * part is in the way.
 */
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CliError, describeFsError } from './cli-error.js';

/** The nearest existing folder of `out` (as typed) if it is a file, else undefined. */
async function fileInTheWay(out: string, cwd: string): Promise<string | undefined> {
  for (let folder = dirname(out); folder !== dirname(folder); folder = dirname(folder)) {
    const info = await stat(resolve(cwd, folder)).catch(() => undefined);
    if (info) return info.isDirectory() ? undefined : folder;
  }
  return undefined;
}

/** The error to report for a failed write of `out` (as typed, relative to `cwd`). */
export async function writeError(error: unknown, out: string, cwd: string): Promise<CliError> {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const blocking =
    code === 'EEXIST' || code === 'ENOTDIR' ? await fileInTheWay(out, cwd) : undefined;
  if (blocking) {
    return new CliError(
      `cannot write ${out}: ${blocking} is a file, not a folder.`,
      {},
      `Choose an --out path in a folder, or move ${blocking} away.`,
    );
  }
  return new CliError(`cannot write ${out}: ${describeFsError(error)}.`);
}
