/**
 * `hzd-search-index crawl` against a real HTTP server on 127.0.0.1: robots.txt, a sitemap index
 * with a gzipped sitemap, redirects, 404s, a slow page, noindex, a canonical to another page, a
 * PDF and files that are not pages; the cache that makes a second run ask only for changes;
 * following links when there is no sitemap.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseRobots } from '../../src/cli/crawl/robots.js';
import { parseSitemap, sitemapText } from '../../src/cli/crawl/sitemap.js';
import { cli, exists, readIndex, useTempFolders, workdir } from './helpers/cli-run.js';
import { FixtureSite } from './helpers/fixture-site.js';

useTempFolders('hzd-crawl-test-');

const pdfFixture = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'pdf');
const LAST_MODIFIED = 'Wed, 14 Jan 2026 10:00:00 GMT';

function page(title: string, main: string, head = ''): string {
  return `<!doctype html><html lang="de"><head><title>${title} | Stadt Musterstadt</title>${head}</head>
<body><header><nav><a href="/">Start</a> <a href="/wohngeld/">Wohngeld</a></nav></header>
<main>${main}</main><footer><a href="https://other.example/">Partner</a></footer></body></html>`;
}

function sitemap(urls: [path: string, lastmod?: string][], origin: string): string {
  const entries = urls
    .map(
      ([path, lastmod]) =>
        `<url><loc>${origin}${path.replace(/&/g, '&amp;')}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</urlset>`;
}

/** The municipal site of the tests: sitemap index → gzipped sitemap → pages of every kind. */
async function municipalSite(): Promise<FixtureSite> {
  const site = new FixtureSite();
  await site.start();
  const o = site.origin;
  const pdf = await readFile(join(pdfFixture, 'merkblatt-wohngeld.pdf'));
  const routes: Record<string, import('./helpers/fixture-site.js').Route> = {
    '/robots.txt': {
      headers: { 'content-type': 'text/plain' },
      body: `User-agent: *\nDisallow: /intern/\n\nSitemap: ${o}/sitemap-index.xml\n`,
    },
    '/sitemap-index.xml': {
      headers: { 'content-type': 'application/xml' },
      body: `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${o}/sitemaps/seiten.xml.gz</loc></sitemap></sitemapindex>`,
    },
    '/sitemaps/seiten.xml.gz': {
      headers: { 'content-type': 'application/gzip' },
      body: gzipSync(
        sitemap(
          [
            ['/', '2026-01-10'],
            ['/wohngeld/', '2026-01-12'],
            ['/alt', '2026-01-01'],
            ['/fehlt'],
            ['/langsam'],
            ['/geheim'],
            ['/druck/wohngeld'],
            ['/intern/akte'],
            ['/stadtplan.png'],
            ['/daten?format=json&x=1'],
            ['/wackelig'],
          ],
          o,
        ),
      ),
    },
    '/': {
      body: page(
        'Start',
        '<h1>Willkommen</h1><p>Das Rathaus der Stadt Musterstadt ist für Sie da.</p>',
      ),
    },
    '/wohngeld/': {
      headers: { 'last-modified': LAST_MODIFIED },
      body: page(
        'Wohngeld',
        `<h1>Wohngeld</h1><p>Wohngeld ist ein Zuschuss zur Miete. <a href="/dokumente/merkblatt-wohngeld.pdf">Merkblatt</a>
         <a href="/dokumente/foto.jpg">Foto</a></p><h2 id="antrag">Antrag</h2><p>Im Bürgerbüro.</p>`,
        '<meta property="article:modified_time" content="2026-01-12T09:00:00+01:00">',
      ),
    },
    '/alt': { status: 301, headers: { location: '/neu/' } },
    '/neu/': {
      headers: { 'last-modified': LAST_MODIFIED },
      body: page('Neue Adresse', '<h1>Neue Adresse</h1><p>Hierher führt die Weiterleitung.</p>'),
    },
    '/langsam': { delayMs: 3000, body: page('Langsam', '<p>Zu spät.</p>') },
    '/geheim': {
      body: page('Geheim', '<p>Nicht suchen.</p>', '<meta name="robots" content="noindex">'),
    },
    '/druck/wohngeld': {
      body: page(
        'Wohngeld (Druckfassung)',
        '<p>Druck</p>',
        `<link rel="canonical" href="${o}/wohngeld/">`,
      ),
    },
    '/intern/akte': { body: page('Akte', '<p>Intern</p>') },
    '/daten?format=json&x=1': { headers: { 'content-type': 'application/json' }, body: '{}' },
    '/wackelig': {
      first: [{ status: 503, headers: { 'retry-after': '0' } }],
      body: page('Wackelig', '<p>Beim zweiten Versuch da.</p>'),
    },
    '/dokumente/merkblatt-wohngeld.pdf': {
      headers: { 'content-type': 'application/pdf', 'last-modified': LAST_MODIFIED },
      body: pdf,
    },
  };
  for (const [path, route] of Object.entries(routes)) site.routes.set(path, route);
  return site;
}

const FAST = ['--rate', '100', '--timeout', '0.5', '--retries', '1'];

describe('crawl a live site', () => {
  let site: FixtureSite;
  before(async () => {
    site = await municipalSite();
  });
  after(async () => {
    await site.stop();
  });

  test('sitemaps, robots, redirects, noindex, canonical, PDFs, skips; then the cache', async () => {
    const dir = await workdir();
    site.clearLog();
    const first = await cli(dir, 'crawl', `${site.origin}/`, ...FAST, '--out', 'suche/index.json');
    assert.equal(first.code, 0, first.stderr);

    const { raw, index } = await readIndex(join(dir, 'suche/index.json'));
    const o = site.origin;
    assert.deepEqual(
      raw.documents.map((doc) => [doc.url, doc.title]),
      [
        [`${o}/`, 'Start'],
        [`${o}/dokumente/merkblatt-wohngeld.pdf`, 'Merkblatt zum Wohngeld'],
        [`${o}/neu/`, 'Neue Adresse'],
        [`${o}/wackelig`, 'Wackelig'],
        [`${o}/wohngeld/`, 'Wohngeld'],
      ],
    );
    const byUrl = new Map(raw.documents.map((doc) => [doc.url, doc]));
    // Dates: the page's own meta first, then Last-Modified; the Datenstand is the newest.
    assert.equal(byUrl.get(`${o}/wohngeld/`)?.updated, '2026-01-12');
    assert.equal(byUrl.get(`${o}/neu/`)?.updated, '2026-01-14');
    assert.equal(raw.dataDate, '2026-01-15');
    assert.equal(index.search('Mietvertrag').hits[0]?.url, `${o}/dokumente/merkblatt-wohngeld.pdf`);

    // Robots rules, the gzipped sitemap and an identifying User-Agent.
    assert.equal(site.requests('/intern/akte').length, 0);
    assert.equal(site.requests('/stadtplan.png').length, 0);
    assert.equal(site.requests('/dokumente/foto.jpg').length, 0);
    assert.ok(site.requests('/sitemaps/seiten.xml.gz').length === 1);
    for (const request of site.log) {
      assert.match(
        String(request.headers['user-agent']),
        /^hzd-search-index\/\d+\.\d+\.\d+ \(\+https:/,
      );
    }
    // The slow page: two tries, then reported; the flaky one answered on the second try.
    assert.equal(site.requests('/wackelig').length, 2);
    assert.match(
      first.stderr,
      new RegExp(
        `^warning: ${o}/langsam: cannot fetch the page: no answer within 0.5 s \\(2 tries\\)\\.$`,
        'm',
      ),
    );
    const skipped = first.stdout;
    assert.match(
      skipped,
      /^Crawled http:\/\/127\.0\.0\.1:\d+\/ \(URLs from the sitemaps\): 4 pages and 1 PDF, \d+ requests, 0 answered from the cache/m,
    );
    assert.match(skipped, new RegExp(`^  1 disallowed by robots\\.txt: ${o}/intern/akte$`, 'm'));
    assert.match(skipped, new RegExp(`^  1 not found \\(404, 410\\): ${o}/fehlt$`, 'm'));
    assert.match(skipped, new RegExp(`^  1 pages with robots noindex: ${o}/geheim$`, 'm'));
    assert.match(
      skipped,
      new RegExp(`^  1 with a canonical URL of another page .*: ${o}/druck/wohngeld$`, 'm'),
    );
    assert.match(
      skipped,
      /^ {2}2 neither HTML pages nor PDFs: .*stadtplan\.png, .*daten\?format=json&x=1 \(application\/json\)$/m,
    );
    assert.match(skipped, /^Left out with a problem \(listed on stderr/m);
    assert.ok(
      await exists(join(dir, 'suche/.hzd-crawl-cache/entries.json')),
      'cache next to --out',
    );

    // Second run: nothing changed, so nothing is downloaded again.
    site.clearLog();
    const second = await cli(dir, 'crawl', `${site.origin}/`, ...FAST, '--out', 'suche/index.json');
    assert.equal(second.code, 0, second.stderr);
    const again = await readIndex(join(dir, 'suche/index.json'));
    assert.deepEqual(
      again.raw.documents.map((doc) => [doc.id, doc.title, doc.text]),
      raw.documents.map((doc) => [doc.id, doc.title, doc.text]),
    );
    const downloads = site.log.filter(
      (entry) => entry.status === 200 && !/robots|sitemap/.test(entry.path),
    );
    assert.deepEqual(
      downloads.map((entry) => entry.path),
      [],
      'no page or PDF was downloaded again',
    );
    // Pages whose sitemap <lastmod> is older than the copy are not even asked for.
    assert.equal(site.requests('/wohngeld/').length, 0);
    assert.ok(site.requests('/wackelig').some((entry) => entry.status === 304));
    assert.match(second.stdout, /[1-9]\d* answered from the cache/);

    // A page that changed is fetched again.
    site.routes.set('/wackelig', { body: page('Wackelig', '<p>Neuer Text zur Grundsteuer.</p>') });
    site.clearLog();
    const third = await cli(
      dir,
      'crawl',
      `${site.origin}/`,
      ...FAST,
      '--out',
      'suche/index.json',
      '-q',
    );
    assert.equal(third.code, 0, third.stderr);
    const changed = await readIndex(join(dir, 'suche/index.json'));
    assert.equal(changed.index.search('Grundsteuer').hits[0]?.url, `${o}/wackelig`);
    assert.deepEqual(
      site.requests('/wackelig').map((entry) => entry.status),
      [200],
    );
  });

  test('--strict: the page that timed out fails the build', async () => {
    const dir = await workdir();
    const result = await cli(dir, 'crawl', `${site.origin}/`, ...FAST, '--strict');
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^error: .*\/langsam: cannot fetch the page/m);
    assert.equal(await exists(join(dir, 'search-index.json')), false);
  });

  test('--sitemap, --include, --exclude and --max-pages', async () => {
    const dir = await workdir();
    const o = site.origin;
    site.routes.set('/nur-neu.xml', {
      headers: { 'content-type': 'application/xml' },
      body: sitemap([['/alt'], ['/neu/'], ['/wohngeld/'], ['/']], o),
    });
    const given = await cli(
      dir,
      'crawl',
      `${o}/`,
      ...FAST,
      '--sitemap',
      `${o}/nur-neu.xml`,
      '--exclude',
      'wohngeld/**',
      '-o',
      'a.json',
    );
    assert.equal(given.code, 0, given.stderr);
    const a = await readIndex(join(dir, 'a.json'));
    assert.deepEqual(
      a.raw.documents.map((doc) => doc.title),
      ['Start', 'Neue Adresse'],
    );
    assert.match(given.stdout, /1 left out by --include\/--exclude: .*\/wohngeld\//);
    // /alt leads to /neu/, which the sitemap lists too: one page.
    assert.match(given.stdout, /1 redirecting to a page that is crawled anyway: .*\/alt$/m);

    const limited = await cli(
      dir,
      'crawl',
      `${o}/`,
      ...FAST,
      '--sitemap',
      `${o}/nur-neu.xml`,
      '--max-pages',
      '1',
      '-o',
      'b.json',
    );
    assert.equal(limited.code, 0, limited.stderr);
    assert.equal((await readIndex(join(dir, 'b.json'))).raw.documentCount, 1);
    assert.match(limited.stdout, /3 beyond --max-pages/);
  });
});

describe('crawl without a sitemap', () => {
  let site: FixtureSite;
  before(async () => {
    site = new FixtureSite();
    await site.start();
    const links = (...paths: string[]) =>
      paths.map((path) => `<a href="${path}">${path}</a>`).join(' ');
    site.routes.set('/robots.txt', { status: 404 });
    site.routes.set('/portal/', {
      body: page(
        'Portal',
        `<p>Start</p>${links('a', '/portal/b#teil', '../ausserhalb', 'mailto:x@y.de')}`,
      ),
    });
    site.routes.set('/portal/a', {
      body: page('Seite A', `<p>A</p>${links('/portal/b', '/portal/c')}`),
    });
    site.routes.set('/portal/b', {
      body: page('Seite B', `<p>B</p><a rel="nofollow" href="/portal/versteckt">x</a>`),
    });
    site.routes.set('/portal/c', {
      body:
        page('Seite C', '<p>C</p>', '<meta name="robots" content="noindex, nofollow">') +
        links('/portal/d'),
    });
    site.routes.set('/portal/versteckt', { body: page('Versteckt', '<p>x</p>') });
    site.routes.set('/portal/d', { body: page('Seite D', '<p>D</p>') });
    site.routes.set('/ausserhalb', { body: page('Außerhalb', '<p>x</p>') });
  });
  after(async () => {
    await site.stop();
  });

  test('follows same-origin links below the start folder, honours nofollow', async () => {
    const dir = await workdir();
    const result = await cli(dir, 'crawl', `${site.origin}/portal/`, ...FAST);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /URLs from the links/);
    const { raw } = await readIndex(join(dir, 'search-index.json'));
    assert.deepEqual(
      raw.documents.map((doc) => doc.title),
      ['Portal', 'Seite A', 'Seite B'],
    );
    assert.equal(site.requests('/sitemap.xml').length, 1, 'looked for /sitemap.xml');
    assert.equal(site.requests('/ausserhalb').length, 0);
    assert.equal(site.requests('/portal/versteckt').length, 0);
    assert.equal(site.requests('/portal/d').length, 0);
    assert.equal(site.requests('/portal/b').length, 1, 'the fragment does not make another URL');
    assert.match(result.stdout, /3 outside the start URL’s folder: .*\/ausserhalb/);
  });
});

describe('robots.txt and sitemaps', () => {
  test('robots.txt: own group over *, longest match, Allow on a tie, * and $', () => {
    const robots = parseRobots(
      [
        'User-agent: *',
        'Disallow: /',
        '',
        'User-agent: hzd-search-index',
        'Disallow: /intern/',
        'Allow: /intern/oeffentlich',
        'Disallow: /*.php$',
        'Disallow: /suche?',
        'Crawl-delay: 2',
        'Sitemap: https://www.example.de/sitemap.xml',
      ].join('\n'),
      'hzd-search-index',
    );
    assert.equal(robots.allows('/wohngeld/'), true);
    assert.equal(robots.allows('/intern/akte'), false);
    assert.equal(robots.allows('/intern/oeffentlich/info'), true);
    assert.equal(robots.allows('/index.php'), false);
    assert.equal(robots.allows('/index.php?id=1'), true);
    assert.equal(robots.allows('/suche?q=x'), false);
    assert.equal(robots.crawlDelay, 2);
    assert.deepEqual(robots.sitemaps, ['https://www.example.de/sitemap.xml']);
    const others = parseRobots('User-agent: *\nDisallow: /privat\nDisallow:\n', 'hzd-search-index');
    assert.equal(others.allows('/privat/x'), false);
    assert.equal(others.allows('/x'), true);
  });

  test('sitemaps: urlset, index, entities, CDATA, gzip, text', () => {
    const xml = `<urlset><url><loc>https://a.de/?a=1&amp;b=2</loc><lastmod>2026-01-01</lastmod></url>
      <url><loc><![CDATA[https://a.de/x]]></loc></url><!-- <url><loc>https://a.de/kommentar</loc></url> --></urlset>`;
    assert.deepEqual(parseSitemap(sitemapText(gzipSync(xml))).pages, [
      { url: 'https://a.de/?a=1&b=2', lastmod: '2026-01-01' },
      { url: 'https://a.de/x', lastmod: undefined },
    ]);
    assert.deepEqual(
      parseSitemap('<sitemapindex><sitemap><loc>https://a.de/s1.xml</loc></sitemap></sitemapindex>')
        .sitemaps,
      [{ url: 'https://a.de/s1.xml', lastmod: undefined }],
    );
    assert.deepEqual(
      parseSitemap('https://a.de/1\nhttps://a.de/2\n').pages.map((p) => p.url),
      ['https://a.de/1', 'https://a.de/2'],
    );
  });
});
