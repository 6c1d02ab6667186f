import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { API_END, API_START, apiTables } from '../tools/api-tables.js';
import { markedBlocks } from '../tools/readme-blocks.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');
const manifest = `${root}dist/custom-elements.json`;

describe('README', () => {
  it('starts with the two set-up commands', () => {
    const setup = readme.slice(readme.indexOf('## Set-up'), readme.indexOf('## Webmaster'));
    assert.match(setup, /npm ci && npm start/);
    assert.match(setup, /npm test/);
  });

  it('has the API tables generated from the Custom Elements Manifest', (t) => {
    if (!existsSync(manifest)) {
      assert.fail('dist/custom-elements.json is missing: run npm run build first');
    }
    const section = readme.slice(
      readme.indexOf(API_START),
      readme.indexOf(API_END) + API_END.length,
    );
    t.diagnostic('regenerate with: npx tsx test/tools/api-tables.ts --write');
    assert.equal(section, apiTables(manifest));
  });

  it('shows screenshots that exist', () => {
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1]!);
    assert.ok(images.length >= 2);
    for (const image of images) assert.ok(existsSync(`${root}${image}`), image);
  });

  it('shows the CLI with npx only in the form that works without an install', () => {
    // `npx hzd-search-index` looks for a package of that name (a 404). Code blocks are what
    // people copy; test/e2e/cli-npx.test.ts runs the marked one against the packed tarball.
    // The short form is right only in recipes for a project that has the package installed.
    const installed = new Set(
      markedBlocks(readme)
        .filter((block) => block.marker.startsWith('recipe:'))
        .map((block) => block.code),
    );
    const blocks = [...readme.matchAll(/^( *)```\w*\n([\s\S]*?)^\1```$/gm)]
      .map((match) => match[2]!.replace(new RegExp(`^${match[1]}`, 'gm'), ''))
      .filter((code) => !installed.has(code));
    const calls = blocks
      .flatMap((block) => block.split('\n'))
      .filter((line) => /^\s*npx\b.*\bhzd-search-index\b/.test(line));
    assert.ok(calls.length > 0, 'the README shows how to run the CLI');
    for (const call of calls) {
      assert.match(call, /^npx --package hzd-search-widget hzd-search-index /);
    }
  });

  it('is the test command CI runs', () => {
    assert.match(readFileSync(`${root}.ci/run`, 'utf8'), /^npm test$/m);
  });
});
