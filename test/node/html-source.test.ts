/**
 * Built HTML as sites publish it: the site name in every title, one description on every page,
 * noindex and error pages, canonical URLs, languages, Pagefind's and our markup hints, headings
 * and sections, the pages' own dates.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readHtml } from '../../src/cli/sources/html.js';
import { cli, exists, files, readIndex, useTempFolders, workdir } from './helpers/cli-run.js';

useTempFolders('hzd-html-test-');

const SITE_DESCRIPTION = 'Das Portal der Stadt für freie Software.';

function page(
  title: string,
  main: string,
  { head = '', lang = 'de', description = SITE_DESCRIPTION } = {},
): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>
<meta name="description" content="${description}">${head}</head>
<body><header><nav><a href="/">Start</a> Menüpunkt</nav></header>
<main>${main}</main><footer>Impressum</footer></body></html>`;
}

function fieldsOf(html: string, relativePath = 'seite.html'): Record<string, unknown> {
  return readHtml(html, { file: relativePath, relativePath }).document.data as Record<
    string,
    unknown
  >;
}

async function buildSite(entries: Record<string, string>, ...args: string[]) {
  const dir = await workdir();
  await files(dir, Object.fromEntries(Object.entries(entries).map(([k, v]) => [`site/${k}`, v])));
  const result = await cli(dir, 'site', ...args);
  assert.equal(result.code, 0, result.stderr);
  return { dir, result, ...(await readIndex(join(dir, 'search-index.json'))) };
}

describe('HTML: what the whole site shares', () => {
  test('the site name most titles carry is removed, as prefix or suffix', async () => {
    const { raw } = await buildSite({
      'a.html': page('Firefox | München Open Source', '<h1>Firefox</h1>'),
      'b.html': page('Thunderbird – Mail | München Open Source', '<h1>Thunderbird</h1>'),
      'c.html': page('München Open Source', '<h1>Start</h1>'),
      'd.html': page('LibreOffice | München Open Source', '<h1>LibreOffice</h1>'),
    });
    assert.deepEqual(
      raw.documents.map((doc) => doc.title),
      ['Firefox', 'Thunderbird – Mail', 'München Open Source', 'LibreOffice'],
    );
    const prefixed = await buildSite({
      'a.html': page('Stadt Bonn - Wohngeld', ''),
      'b.html': page('Stadt Bonn - Elterngeld', ''),
      'c.html': page('Kontakt', ''),
    });
    assert.deepEqual(
      prefixed.raw.documents.map((doc) => doc.title),
      ['Wohngeld', 'Elterngeld', 'Kontakt'],
    );
  });

  test('titles that share nothing most pages have stay whole', async () => {
    const { raw } = await buildSite({
      'a.html': page('Wohngeld | Antrag', ''),
      'b.html': page('Elterngeld | Formular', ''),
      'c.html': page('Kindergeld', ''),
    });
    assert.deepEqual(
      raw.documents.map((doc) => doc.title),
      ['Wohngeld | Antrag', 'Elterngeld | Formular', 'Kindergeld'],
    );
  });

  test('a description most pages share counts as missing: the first paragraph is the summary', async () => {
    const long = `Firefox ist der Browser der Stadt. ${'Er wird zentral betreut und regelmäßig aktualisiert. '.repeat(8)}`;
    const { raw } = await buildSite({
      'a.html': page('A', `<h1>A</h1><p>Kurz.</p><p>${long}</p>`),
      'b.html': page(
        'B',
        '<p>Thunderbird ist das Mailprogramm, das alle Ämter der Stadt nutzen.</p>',
      ),
      'c.html': page('C', '<p>Eigener Text.</p>', { description: 'Eine eigene Beschreibung.' }),
      'd.html': page('D', '<p>Noch eine Seite mit genug Text für eine Zusammenfassung.</p>'),
    });
    const [a, b, c] = raw.documents;
    // Whole sentences up to about 300 characters, from the first paragraph of some length.
    assert.match(a!.summary, /^Firefox ist der Browser der Stadt\. Er wird/);
    assert.ok(a!.summary.length <= 300 && a!.summary.endsWith('.'), a!.summary);
    assert.equal(b!.summary, 'Thunderbird ist das Mailprogramm, das alle Ämter der Stadt nutzen.');
    assert.equal(c!.summary, 'Eine eigene Beschreibung.');
  });

  test('noindex and error pages are left out and counted', async () => {
    const { raw, result } = await buildSite(
      {
        'a.html': page('Wohngeld', '<p>Text</p>'),
        '404.html': page('Seite nicht gefunden', '<p>Leider nicht da.</p>'),
        'fehler/index.html': page('404 – Nicht gefunden', ''),
        'intern.html': page('Intern', '', {
          head: '<meta name="robots" content="noindex, follow">',
        }),
      },
      '--strict',
    );
    assert.deepEqual(
      raw.documents.map((doc) => doc.id),
      ['a'],
    );
    assert.match(
      result.stdout,
      /^ {2}2 error pages \(404 and the like\): site\/404\.html, site\/fehler\/index\.html$/m,
    );
    assert.match(result.stdout, /^ {2}1 pages with robots noindex: site\/intern\.html$/m);
  });

  test('the canonical URL is the URL; pages with the same canonical URL count once', async () => {
    const canonical = '<link rel="canonical" href="https://www.example.de/wohngeld/">';
    const { raw, result } = await buildSite({
      'wohngeld/index.html': page('Wohngeld', '<p>Text</p>', { head: canonical }),
      'wohngeld/druck.html': page('Wohngeld (Druck)', '<p>Text</p>', { head: canonical }),
    });
    assert.deepEqual(
      raw.documents.map((doc) => doc.url),
      ['https://www.example.de/wohngeld/'],
    );
    assert.match(
      result.stdout,
      /1 duplicates of another page \(same canonical URL\): site\/wohngeld\/index\.html/,
    );
  });

  test('each page keeps its lang; --lang builds one language, or one index per language', async () => {
    const entries = {
      'de/a.html': page('Wohngeld', '<p>Zuschuss</p>', { lang: 'de-DE' }),
      'en/a.html': page('Housing benefit', '<p>Allowance</p>', { lang: 'en' }),
      'x.html': page('Ohne Sprache', '<p>Text</p>').replace(' lang="de"', ''),
    };
    const all = await buildSite(entries);
    assert.deepEqual(
      all.raw.documents.map((doc) => doc.lang),
      ['de-DE', 'en', undefined],
    );
    const de = await buildSite(entries, '--lang', 'de');
    assert.deepEqual(
      de.raw.documents.map((doc) => doc.id),
      ['de/a', 'x'],
    );
    assert.equal(de.raw.language, 'de');

    const dir = await workdir();
    await files(dir, Object.fromEntries(Object.entries(entries).map(([k, v]) => [`site/${k}`, v])));
    const both = await cli(dir, 'site', '--lang', 'de,en', '--out', 'suche/index.{lang}.json');
    assert.equal(both.code, 0, both.stderr);
    assert.match(both.stdout, /Wrote suche\/index\.de\.json[\s\S]*Wrote suche\/index\.en\.json/);
    const en = await readIndex(join(dir, 'suche/index.en.json'));
    assert.deepEqual(
      en.raw.documents.map((doc) => doc.title),
      ['Housing benefit'],
    );
    assert.equal(en.raw.language, 'en');
    assert.equal(await exists(join(dir, 'suche/index.{lang}.json')), false);
  });
});

describe('HTML: markup hints of Pagefind and our own', () => {
  test('data-pagefind-body: only its text, and pages without it are left out', async () => {
    const { raw, result } = await buildSite({
      'a.html': page(
        'A',
        '<div data-pagefind-body><p>Hauptinhalt</p></div><aside>Randspalte</aside><p data-hzd-body>Zweiter Teil</p>',
      ),
      'b.html': page('B', '<p>Ohne Markierung</p>'),
    });
    assert.deepEqual(
      raw.documents.map((doc) => [doc.id, doc.text]),
      [['a', 'Hauptinhalt\nZweiter Teil']],
    );
    assert.match(result.stdout, /1 pages without data-pagefind-body\/data-hzd-body: site\/b\.html/);
  });

  test('data-*-ignore leaves text out; ignore="all" also its meta and filters', () => {
    const fields = fieldsOf(
      page(
        'T',
        `<p>Sichtbar</p><div data-pagefind-ignore><p>Werbung</p><span data-pagefind-filter="thema">Wohnen</span></div>
         <div data-hzd-ignore="all"><p>Alt</p><span data-hzd-filter="thema">Alt</span></div>`,
      ),
    );
    assert.equal(fields['body'], 'Sichtbar');
    assert.deepEqual(fields['filters'], { thema: ['Wohnen'] });
  });

  test('data-*-meta: from the text, an attribute, or inline; default-meta only as a fallback', () => {
    const fields = fieldsOf(
      page(
        'Seite | Portal',
        `<h1 data-pagefind-meta="title">Wohngeld beantragen</h1>
         <img src="a.png" alt="Bild" data-pagefind-meta="image[src], summary[alt]">
         <p data-hzd-meta="updated:2026-03-04">x</p>
         <span data-pagefind-meta="category:Formular, Antrag"></span>`,
        { head: '<meta data-pagefind-default-meta="summary[content]" content="Ersatz">' },
      ),
    );
    assert.equal(fields['title'], 'Wohngeld beantragen');
    assert.equal(fields['summary'], 'Bild');
    assert.equal(fields['updated'], '2026-03-04');
    // An inline value runs to the end, commas included.
    assert.equal(fields['category'], 'Formular, Antrag');
  });

  test('data-*-filter: several values; category and type become their fields', () => {
    const fields = fieldsOf(
      page(
        'T',
        `<span data-pagefind-filter="zielgruppe">Bürger</span>
         <span data-pagefind-filter="zielgruppe">Unternehmen</span>
         <meta data-hzd-filter="ebene[content]" content="Kommune">
         <div data-pagefind-filter="type:Formular"></div>
         <div data-hzd-filter="category:Dienstleistung"></div>
         <span data-hzd-filter="levels">Land</span>`,
      ),
    );
    assert.deepEqual(fields['filters'], {
      zielgruppe: ['Bürger', 'Unternehmen'],
      ebene: ['Kommune'],
    });
    assert.equal(fields['type'], 'Formular');
    assert.equal(fields['category'], 'Dienstleistung');
    assert.deepEqual(fields['levels'], ['Land']);
  });
});

describe('HTML: headings, sections and dates', () => {
  test('headings with ids are sections; permalink symbols are not heading text', () => {
    const fields = fieldsOf(
      page(
        'T',
        `<h1 id="t">Titel</h1><p>Einleitung</p>
         <h2 id="antrag">Antrag <a class="header-anchor" href="#antrag" aria-label="Permalink">&#8203;</a></h2><p>So geht es.</p>
         <h3>Unterlagen</h3><p>Ausweis</p>
         <h2><a id="fristen"></a>Fristen <a class="headerlink" href="#fristen">¶</a></h2><p>Vier Wochen.</p>
         <section id="kontakt" data-pagefind-title="Kontakt"><p>Rathaus</p></section>`,
      ),
    );
    assert.deepEqual(fields['headings'], ['Antrag', 'Unterlagen', 'Fristen']);
    assert.deepEqual(fields['sections'], [
      { anchor: 'antrag', title: 'Antrag', text: 'So geht es.\nUnterlagen\nAusweis' },
      { anchor: 'fristen', title: 'Fristen', text: 'Vier Wochen.\nRathaus' },
      { anchor: 'kontakt', title: 'Kontakt', text: 'Rathaus' },
    ]);
  });

  test('the date of the last change comes from meta, a marked <time>, or JSON-LD', () => {
    const dated = (head: string, main = '') => fieldsOf(page('T', main, { head }))['updated'];
    assert.equal(
      dated('<meta property="article:modified_time" content="2026-01-02T08:00:00+01:00">'),
      '2026-01-02',
    );
    assert.equal(dated('<meta name="last-modified" content="2025-12-24">'), '2025-12-24');
    assert.equal(
      dated(
        '',
        '<p class="last-updated">Zuletzt geändert: <time datetime="2025-11-30">30.11.</time></p>',
      ),
      '2025-11-30',
    );
    assert.equal(
      dated(
        '<script type="application/ld+json">{"@type":"WebPage","datePublished":"2024-01-01","dateModified":"2025-10-01"}</script>',
      ),
      '2025-10-01',
    );
    // An event's date is no change of the page; nor is a day in the future.
    assert.equal(dated('', '<p>Termin: <time datetime="2025-09-01">1.9.</time></p>'), undefined);
    assert.equal(dated('<meta name="last-modified" content="2999-01-01">'), undefined);
  });
});
