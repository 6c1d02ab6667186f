/** Running the index CLI in-process in a fresh folder per test, and reading what it wrote. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before } from 'node:test';
import { run } from '../../../src/cli/main.js';
import { loadIndex, type SearchIndex, type SerializedIndex } from '../../../src/core/index.js';

let tmp: string | undefined;
let counter = 0;

/** Registers the temporary folder of a test file; call once at the top level of the file. */
export function useTempFolders(prefix: string): void {
  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), prefix));
  });
  after(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });
}

/** A fresh folder per test, so tests cannot see each other's files. */
export async function workdir(): Promise<string> {
  if (!tmp) throw new Error('call useTempFolders() first');
  const dir = join(tmp, `case-${++counter}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Writes files given as { 'relative/path': content } below `dir`. */
export async function files(
  dir: string,
  entries: Record<string, string | Uint8Array>,
): Promise<void> {
  for (const [name, content] of Object.entries(entries)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), content);
  }
}

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(cwd: string, ...args: string[]): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    cwd,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

export async function readIndex(
  path: string,
): Promise<{ raw: SerializedIndex; index: SearchIndex }> {
  const text = await readFile(path, 'utf8');
  return { raw: JSON.parse(text) as SerializedIndex, index: loadIndex(text) };
}

export async function exists(path: string): Promise<boolean> {
  return readFile(path).then(
    () => true,
    () => false,
  );
}
