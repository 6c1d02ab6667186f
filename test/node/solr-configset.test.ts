/**
 * The Solr configset solr/hzd-de/ is generated from the client analyzer's modules; these tests
 * keep the committed files equal to the generator's output and check that the parts written as
 * Solr rules do what the client code does.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { fold } from '../../src/core/analysis/fold.js';
import { stem } from '../../src/core/analysis/stem.js';
import { tokenize } from '../../src/core/analysis/tokenize.js';
import { LEXICON_WORDS } from '../../src/core/analysis/lexicon-de.js';
import { STOP_WORDS } from '../../src/core/analysis/stopwords.js';
import {
  applyRules,
  CISTEM_RULES,
  STRIP_STEPS,
} from '../../src/backends/solr/configset/cistem-rules.js';
import { CONFIGSET_FOLDER, configsetFiles } from '../../src/backends/solr/configset/configset.js';
import { SOLR_QUERY_FIELDS } from '../../src/backends/solr/solr-fields.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const folder = join(root, CONFIGSET_FOLDER);
const CORPUS = join(root, '../shared/corpus/gesetze-10k.json.gz');

test('the committed configset equals the generator output (npm run build:solr-configset)', () => {
  const files = configsetFiles();
  assert.deepEqual(readdirSync(folder).sort(), [...files.keys()].sort());
  for (const [name, content] of files) {
    assert.equal(
      readFileSync(join(folder, name), 'utf8'),
      content,
      `${CONFIGSET_FOLDER}/${name} is out of date: run npm run build:solr-configset`,
    );
  }
});

/** Folded words of the lexicon and, where the corpus is there, of 10,000 law sections. */
function sampleWords(): Set<string> {
  const words = new Set(LEXICON_WORDS.split(/\s+/).filter(Boolean));
  if (existsSync(CORPUS)) {
    const docs = JSON.parse(gunzipSync(readFileSync(CORPUS)).toString('utf8')) as {
      title: string;
      body?: string;
    }[];
    for (const doc of docs.slice(0, 3000)) {
      for (const word of tokenize(`${doc.title} ${doc.body ?? ''}`)) {
        for (const part of word.parts) words.add(fold(part.text));
      }
    }
  }
  return words;
}

test('the stemming rules of the configset give the client stem for every sample word', () => {
  const words = sampleWords();
  assert.ok(words.size > 4000, `only ${words.size} sample words`);
  const differing = [...words].filter((word) => applyRules(word) !== stem(word));
  assert.deepEqual(differing.slice(0, 20), []);
});

test('the stem rules unroll more steps than any sample word needs', () => {
  // Count the steps each word takes: the chain with n steps differs from the full loop for a
  // word that needs more than n.
  const shortRules = (steps: number) =>
    CISTEM_RULES.filter((_, i) => i < 5 + steps || i >= 5 + STRIP_STEPS);
  let most = 0;
  for (const word of sampleWords()) {
    let steps = 0;
    while (steps < STRIP_STEPS && applyRules(word, shortRules(steps)) !== stem(word)) steps++;
    most = Math.max(most, steps);
  }
  assert.ok(most > 0 && most <= STRIP_STEPS - 4, `a word needs ${most} of ${STRIP_STEPS} steps`);
});

test('the stem rules would catch a wrong rule (the check is not vacuous)', () => {
  const broken = CISTEM_RULES.filter((rule) => rule.pattern !== 'ei');
  assert.notEqual(applyRules('reisen', broken), stem('reisen'));
});

test('stopwords.txt holds the client stop words, synonyms.txt folded groups', () => {
  const files = configsetFiles();
  const stopwords = files
    .get('stopwords.txt')!
    .split('\n')
    .filter((line) => line && !line.startsWith('#'));
  assert.deepEqual(new Set(stopwords), STOP_WORDS);
  const synonyms = files
    .get('synonyms.txt')!
    .split('\n')
    .filter((line) => line && !line.startsWith('#'));
  assert.ok(synonyms.includes('wohngeld, mietzuschuss'));
  assert.ok(synonyms.some((line) => line.startsWith('eau, elektronische aufenthaltsuberwachung')));
  for (const line of synonyms) assert.match(line, /^[a-z0-9 ]+(, [a-z0-9 ]+)+$/, line);
});

test('the mapping folds diacritics as fold.ts does and leaves the German letters to Solr', () => {
  const mapping = configsetFiles().get('mapping-fold.txt')!;
  assert.match(mapping, /^"\\u00E9" => "e"$/m);
  assert.match(mapping, /^"\\u0301" => ""$/m);
  assert.doesNotMatch(mapping, /^"\\u00E4"/m);
  assert.doesNotMatch(mapping, /^"\\u00DF"/m);
});

test('schema and solrconfig carry the contract', () => {
  const files = configsetFiles();
  const solrconfig = files.get('solrconfig.xml')!;
  assert.ok(solrconfig.includes(`<str name="qf">${SOLR_QUERY_FIELDS}</str>`));
  assert.match(solrconfig, /<requestHandler name="\/hzd\/select"/);
  assert.match(solrconfig, /<requestHandler name="\/hzd\/suggest"/);
  assert.match(solrconfig, /<str name="defType">edismax<\/str>/);
  const schema = files.get('schema.xml')!;
  for (const field of ['title', 'body', 'suggest', 'spell', 'meta', 'category']) {
    assert.match(schema, new RegExp(`<field name="${field}" `));
  }
});
