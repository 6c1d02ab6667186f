/**
 * The package as npm publishes it: `npm pack` of the built repository into a folder of the
 * caller's, so a test installs exactly the tarball users would download.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { distFile, ROOT } from './paths.js';
import { runOk } from './run.js';

/** Packs the repository into `destination` and returns the tarball's absolute path. */
export async function packTarball(destination: string): Promise<string> {
  distFile('lib/index.js');
  const { stdout } = await runOk(
    'npm',
    ['pack', '--json', '--pack-destination', destination],
    ROOT,
  );
  const [packed] = JSON.parse(stdout) as { filename: string }[];
  assert.ok(packed, 'npm pack reports the tarball');
  return join(destination, packed.filename);
}
