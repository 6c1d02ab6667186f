/**
 * `--to-solr`: the push against a fake SolrCloud API (test/node/helpers/fake-solr.ts): batches,
 * retries, the alias switch only after a complete, counted collection, clean-up of old pushes,
 * and clear errors. The same push against a real SolrCloud is in test/solr/.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { toSolrDocument } from '../../src/backends/solr/solr-document.js';
import {
  parseSolrTarget,
  pushToSolr,
  type SolrPushOptions,
} from '../../src/cli/solr/write-solr.js';
import type { SearchDocument } from '../../src/core/types.js';
import { startFakeSolr, type FakeSolr } from './helpers/fake-solr-cloud.js';
import { cli, useTempFolders, workdir } from './helpers/cli-run.js';

useTempFolders('hzd-solr-push-');

let solr: FakeSolr;
before(async () => {
  solr = await startFakeSolr();
});
after(() => solr.close());
afterEach(() => {
  solr.calls.length = 0;
  solr.collections.clear();
  solr.aliases = {};
  solr.configsets = ['_default', 'hzd-de'];
  solr.fault = () => undefined;
  solr.loseOnCommit = 0;
});

function docs(count: number): SearchDocument[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `doc-${i}`,
    title: `Dokument ${i}`,
    url: `/doc/${i}`,
    body: `Text von **Dokument** ${i}.`,
  }));
}

const FAST: SolrPushOptions = {
  configset: 'hzd-de',
  shards: 2,
  replicas: 2,
  keep: 1,
  batchSize: 500,
  retry: { retries: 3, delayMs: 1, timeoutMs: 5000 },
  now: () => new Date('2026-12-02T08:30:00.000Z'),
};

const updates = () => solr.calls.filter((call) => call.path.endsWith('/update'));
const actions = () =>
  solr.calls
    .filter((call) => call.path === '/solr/admin/collections')
    .map((c) => c.params.get('action'));

test('the CLI pushes in batches into a new collection, commits, counts, then switches the alias', async () => {
  const dir = await workdir();
  await writeFile(join(dir, 'docs.json'), JSON.stringify(docs(1201)));
  solr.collections.set('hzd_20250101000000000', { pending: 0, committed: 1, ids: new Set() });
  solr.collections.set('hzd_20250201000000000', { pending: 0, committed: 1, ids: new Set() });
  solr.collections.set('hzd_manual', { pending: 0, committed: 1, ids: new Set() });
  solr.aliases = { hzd: 'hzd_20250201000000000' };

  const result = await cli(dir, 'docs.json', '--to-solr', `${solr.url}/hzd`, '--solr-shards', '2');
  assert.equal(result.code, 0, result.stderr);
  const created = solr.calls.find((call) => call.params.get('action') === 'CREATE')!;
  const name = created.params.get('name')!;
  assert.match(name, /^hzd_\d{17}$/);
  assert.equal(created.params.get('collection.configName'), 'hzd-de');
  assert.equal(created.params.get('numShards'), '2');
  // 1201 documents: batches of 500, 500 and 201, then the commit.
  const sizes = updates().map((call) => {
    const body = JSON.parse(call.body) as unknown;
    return Array.isArray(body) ? body.length : 'commit';
  });
  assert.deepEqual(sizes, [500, 500, 201, 'commit']);
  assert.equal(solr.aliases.hzd, name);
  // The previous push stays (keep 1), the one before goes; a collection the CLI did not name stays.
  assert.deepEqual(
    [...solr.collections.keys()].sort(),
    ['hzd_20250201000000000', 'hzd_manual', name].sort(),
  );
  assert.ok(actions().indexOf('CREATEALIAS') < actions().indexOf('DELETE'));
  assert.match(
    result.stdout,
    new RegExp(`Pushed 1201 documents to ${solr.url}/hzd \\(collection ${name}\\)`),
  );
  // The body is stored as plain text.
  const first = (JSON.parse(updates()[0]!.body) as { body: string }[])[0]!;
  assert.equal(first.body, 'Text von Dokument 0.');
});

test('a batch that fails with 503 or a dropped connection is sent again', async () => {
  let failures = 0;
  solr.fault = (call) => {
    if (call.path.endsWith('/update') && failures < 2) {
      failures++;
      return failures === 1 ? { status: 503, msg: 'overloaded' } : 'drop';
    }
    return undefined;
  };
  const logged: string[] = [];
  const result = await pushToSolr(docs(10), parseSolrTarget(`${solr.url}/hzd`), {
    ...FAST,
    log: (line) => logged.push(line),
  });
  assert.equal(result.documents, 10);
  assert.equal(solr.aliases.hzd, result.collection);
  assert.equal(updates().length, 4); // 503, drop, the batch, the commit
  assert.equal(logged.filter((line) => line.includes('retrying')).length, 2);
});

test('a 4xx is not retried: Solr says why, the new collection is removed, the alias stays', async () => {
  solr.aliases = { hzd: 'hzd_20250101000000000' };
  solr.collections.set('hzd_20250101000000000', { pending: 0, committed: 1, ids: new Set() });
  solr.fault = (call) =>
    call.path.endsWith('/update')
      ? { status: 400, msg: "ERROR: [doc=doc-3] unknown field 'x'" }
      : undefined;
  await assert.rejects(
    pushToSolr(docs(10), parseSolrTarget(`${solr.url}/hzd`), FAST),
    /Solr refused sending documents 1–10 \(HTTP 400\): ERROR: \[doc=doc-3\] unknown field 'x'/,
  );
  assert.equal(updates().length, 1);
  assert.deepEqual([...solr.collections.keys()], ['hzd_20250101000000000']);
  assert.equal(solr.aliases.hzd, 'hzd_20250101000000000');
});

test('retries give up after the policy; the error names the step', async () => {
  solr.fault = (call) =>
    call.path.endsWith('/update') ? { status: 502, raw: 'Bad Gateway' } : undefined;
  await assert.rejects(
    pushToSolr(docs(3), parseSolrTarget(`${solr.url}/hzd`), FAST),
    /Solr refused sending documents 1–3 \(HTTP 502\): Bad Gateway/,
  );
  assert.equal(updates().length, 1 + FAST.retry.retries);
  assert.equal(solr.collections.size, 0);
  assert.equal(solr.aliases.hzd, undefined);
});

test('a count that differs from the documents sent keeps the alias where it was', async () => {
  solr.loseOnCommit = 1;
  await assert.rejects(
    pushToSolr(docs(7), parseSolrTarget(`${solr.url}/hzd`), FAST),
    /holds 6 documents after the commit, not the 7 sent; the alias was not changed/,
  );
  assert.ok(!actions().includes('CREATEALIAS'));
  assert.equal(solr.collections.size, 0);
});

test('a missing configset is reported with how to upload it, before anything is created', async () => {
  solr.configsets = ['_default'];
  await assert.rejects(
    pushToSolr(docs(1), parseSolrTarget(`${solr.url}/hzd`), FAST),
    (error: Error & { hint?: string }) => {
      assert.match(error.message, /Solr has no configset "hzd-de" \(it has: _default\)/);
      assert.match(error.hint ?? '', /bin\/solr zk upconfig -n hzd-de -d .*solr\/hzd-de/);
      return true;
    },
  );
  assert.ok(!actions().includes('CREATE'));
});

test('an alias name that is a collection is refused', async () => {
  solr.collections.set('hzd', { pending: 0, committed: 1, ids: new Set() });
  await assert.rejects(
    pushToSolr(docs(1), parseSolrTarget(`${solr.url}/hzd`), FAST),
    /"hzd" is a collection, not an alias/,
  );
  assert.ok(!actions().includes('CREATE'));
});

test('an unreachable Solr is named with the reason, through the CLI', async () => {
  const dir = await workdir();
  await writeFile(join(dir, 'docs.json'), JSON.stringify(docs(1)));
  // A port that was free a moment ago: nothing listens there.
  const closed = await startFakeSolr();
  const url = closed.url;
  await closed.close();
  const result = await pushToSolrCli(dir, `${url}/hzd`);
  assert.equal(result.code, 1);
  assert.match(
    result.stderr,
    new RegExp(`Solr at ${url} is not reachable while listing collections \\(ECONNREFUSED\\)`),
  );
});

/** The CLI with its real retry policy would wait seconds; a refused connection is retried too. */
async function pushToSolrCli(dir: string, url: string) {
  return cli(dir, 'docs.json', '--to-solr', url, '--quiet');
}

test('usage errors: stray --solr options, --out with --to-solr, a URL without alias', async () => {
  const dir = await workdir();
  await writeFile(join(dir, 'docs.json'), JSON.stringify(docs(1)));
  const stray = await cli(dir, 'docs.json', '--solr-keep', '2');
  assert.equal(stray.code, 2);
  assert.match(stray.stderr, /--solr-keep is an option of --to-solr <url>/);
  const both = await cli(dir, 'docs.json', '--to-solr', `${solr.url}/hzd`, '--out', 'x.json');
  assert.equal(both.code, 2);
  assert.match(both.stderr, /--out and --to-solr: give one/);
  const bare = await cli(dir, 'docs.json', '--to-solr', 'http://localhost:8983/');
  assert.equal(bare.code, 2);
  assert.match(bare.stderr, /does not end with a collection name/);
  const langs = await cli(dir, 'docs.json', '--to-solr', `${solr.url}/hzd`, '--lang', 'de,en');
  assert.equal(langs.code, 2);
  assert.match(langs.stderr, /--to-solr must contain \{lang\}/);
  assert.equal(solr.calls.length, 0);
});

test('parseSolrTarget splits base URL and alias', () => {
  assert.deepEqual(parseSolrTarget('https://search.example.de/solr/hzd/'), {
    baseUrl: 'https://search.example.de/solr',
    alias: 'hzd',
  });
});

test('toSolrDocument maps every field of the contract, filters to filter_<name>', () => {
  const solrDoc = toSolrDocument({
    id: 'a',
    title: 'T',
    url: '/a',
    summary: 'S',
    body: '# Kopf\n\nText mit [Link](https://x.de).',
    keywords: ['k1', ''],
    headings: ['H'],
    partners: ['Hessen'],
    levels: ['Land'],
    category: 'C',
    type: 'PDF',
    updated: '2026-01-02',
    lang: 'de',
    filters: { Zielgruppe: ['Bürger', 'Bürger'], 'Thema Größe': ['x'] },
  });
  assert.deepEqual(solrDoc, {
    id: 'a',
    url: '/a',
    title: 'T',
    summary: 'S',
    body: 'Kopf\nText mit Link.',
    keywords: ['k1'],
    headings: ['H'],
    partners: ['Hessen'],
    levels: ['Land'],
    category: 'C',
    type: 'PDF',
    updated: '2026-01-02',
    lang: 'de',
    filter_zielgruppe: ['Bürger'],
    filter_thema_grosse: ['x'],
  });
});
