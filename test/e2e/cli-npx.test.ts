/**
 * The README's index command, run as written in an empty folder, with the npm package name
 * replaced by the packed tarball (the same package, before it is published). `npx` installs it
 * on the fly; a form that only works after a prior install (`npx hzd-search-index` is a 404,
 * since no package has that name) fails here.
 */
import assert from 'node:assert/strict';
import { readdir, readFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { blockAfter, readReadme } from '../tools/readme-blocks.js';
import { packTarball } from './helpers/pack.js';
import { run, runOk } from './helpers/run.js';

const PACKAGE = 'hzd-search-widget';

let tmp: string;
let tarball: string;
/** The README command as argv, `npx` first. */
let command: string[];

before(async () => {
  const { code } = blockAfter(readReadme(), 'index-command');
  const lines = code.trim().split('\n');
  assert.equal(lines.length, 1, 'the index command is one line');
  assert.doesNotMatch(lines[0]!, /["'\\$]/, 'the index command needs no shell quoting');
  command = lines[0]!.split(/\s+/);
  // Outside the repository: npm must not find this project (or its node_modules) above the
  // folder, as in a webmaster's empty folder.
  tmp = await mkdtemp(join(tmpdir(), 'hzd-e2e-npx-'));
  tarball = await packTarball(tmp);
});

after(async () => {
  if (!tmp) return;
  await rm(tmp, { recursive: true, force: true });
  // npx keeps what it installed in the npm cache, keyed by the package spec; this spec (a
  // temporary path) is never used again, so its copy is removed.
  const { stdout } = await runOk('npm', ['config', 'get', 'cache'], tmpdir());
  const npxCache = join(stdout.trim(), '_npx');
  for (const entry of await readdir(npxCache).catch(() => [])) {
    const manifest = await readFile(join(npxCache, entry, 'package.json'), 'utf8').catch(() => '');
    if (manifest.includes(tarball)) await rm(join(npxCache, entry), { recursive: true });
  }
});

/** The README command with the package name replaced by the tarball and `args` after the bin. */
function withTarball(args?: string[]): { bin: string; args: string[] } {
  const [npx, ...rest] = command;
  assert.equal(npx, 'npx');
  const at = rest.indexOf(PACKAGE);
  assert.ok(at > 0 && rest[at - 1] === '--package', `the command says --package ${PACKAGE}`);
  const replaced = rest.map((arg, index) => (index === at ? tarball : arg));
  const binAt = replaced.indexOf('hzd-search-index');
  assert.ok(binAt > at, 'the command runs hzd-search-index from the package');
  const tail = args ? [...replaced.slice(0, binAt + 1), ...args] : replaced;
  // In a terminal npx asks before installing; `--yes` is the user's answer (without a
  // terminal and outside CI, npx cancels instead of asking).
  return { bin: 'npx', args: ['--yes', ...tail] };
}

test('the README index command builds an index in an empty folder', async () => {
  const folder = join(tmp, 'site');
  await mkdir(join(folder, 'content'), { recursive: true });
  await writeFile(
    join(folder, 'content', 'wohngeld.md'),
    '---\ntitle: Wohngeld beantragen\nurl: /wohngeld\n---\n\nEin Zuschuss zur Miete.\n',
  );
  const { bin, args } = withTarball();
  const result = await run(bin, args, folder);
  assert.equal(result.code, 0, `${bin} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`);

  const out = args[args.indexOf('--out') + 1]!;
  const index = JSON.parse(await readFile(join(folder, out), 'utf8')) as {
    format: string;
    documentCount: number;
  };
  assert.equal(index.format, 'hzd-search-index');
  assert.equal(index.documentCount, 1);
});

test('the same form prints the help text', async () => {
  const { bin, args } = withTarball(['--help']);
  const folder = join(tmp, 'empty');
  await mkdir(folder);
  const { stdout } = await runOk(bin, args, folder);
  assert.match(stdout, /--out <file>/);
});
