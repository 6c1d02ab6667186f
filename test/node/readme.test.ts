import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { API_END, API_START, apiTables } from '../tools/api-tables.js';

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

  it('is the test command CI runs', () => {
    assert.match(readFileSync(`${root}.ci/run`, 'utf8'), /^npm test$/m);
  });
});
