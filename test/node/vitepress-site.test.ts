/**
 * A municipal VitePress site as it is (test/fixtures/cli/vitepress-site): a de/ folder of
 * index.md pages, titles only as # H1, the home page in front matter, Vue components and
 * <script setup> in the Markdown, Bürger\*innen. Indexed without any pre-processing.
 */
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readInput } from '../../src/cli/input.js';
import { ACCEPT_ALL } from '../../src/cli/path-filter.js';
import { BuildReport } from '../../src/cli/report.js';
import { validateRawDocuments } from '../../src/cli/validate.js';
import { cli, readIndex, useTempFolders, workdir } from './helpers/cli-run.js';

useTempFolders('hzd-vitepress-test-');

const site = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'cli',
  'vitepress-site',
);

async function documents() {
  const report = new BuildReport();
  const raws = await readInput(site, 'vitepress-site', { filter: ACCEPT_ALL }, report);
  return { documents: validateRawDocuments(raws, report), report };
}

describe('a VitePress site of a city', () => {
  test('titles, URLs and ids come from the files', async () => {
    const { documents: docs, report } = await documents();
    assert.deepEqual(report.problems, []);
    assert.deepEqual(
      docs.map((doc) => [doc.id, doc.url, doc.title]),
      [
        ['de/beteiligung/index', '/de/beteiligung/', 'Mitmachen'],
        ['de/index', '/de/', 'Open Source in München'],
        ['de/kontakt/index', '/de/kontakt/', 'Kontakt'],
        ['de/software/firefox', '/de/software/firefox', 'Firefox'],
        ['de/software/index', '/de/software/', 'Software der Stadt'],
        ['de/software/libreoffice', '/de/software/libreoffice', 'LibreOffice'],
        ['en/index', '/en/', 'Open Source in Munich'],
      ],
    );
    assert.deepEqual(
      [...report.skipped],
      [['drafts (draft: true)', ['vitepress-site/de/entwuerfe/neu.md']]],
    );
  });

  test('the text is what visitors read: no script, components, styles or escapes', async () => {
    const byId = new Map((await documents()).documents.map((doc) => [doc.id, doc]));
    const software = byId.get('de/software/index')!;
    assert.equal(
      software.body,
      [
        'Die Stadt setzt freie Software an über 20.000 Arbeitsplätzen ein. Bürger*innen profitieren von offenen Formaten.',
        'Programme im Einsatz',
        'Programm Einsatz',
        'Firefox Browser',
        'LibreOffice Büro',
        'Hinweis',
        'Alle Programme sind kostenlos.',
      ].join('\n'),
    );
    for (const doc of byId.values()) {
      for (const leak of [
        'import',
        'script',
        'setup',
        'ProjectCard',
        'Badge',
        'ClientOnly',
        'DownloadButton',
        'frontmatter',
        'scoped',
        '\\',
        ':::',
        'TODO',
        '{{',
      ]) {
        assert.ok(!doc.body?.includes(leak), `${doc.id} contains ${leak}: ${doc.body}`);
      }
    }
    assert.match(byId.get('de/software/libreoffice')!.body!, /Briefe an Bürger\*innen liegen/);
    assert.match(
      byId.get('de/software/firefox')!.body!,
      /^Firefox ist der Standardbrowser der Verwaltung\./,
    );
    assert.match(
      byId.get('de/software/firefox')!.body!,
      /Kann ich Erweiterungen nutzen\?\nJa, geprüfte Erweiterungen/,
    );
    assert.equal(byId.get('de/software/firefox')!.summary, 'Der Browser der Stadtverwaltung.');
    assert.equal(byId.get('de/software/firefox')!.updated, '2026-10-05');
    // The home page's text is in its front matter.
    assert.equal(
      byId.get('de/index')!.body,
      'Freie Software für die Stadtverwaltung\nWie die Landeshauptstadt freie Software nutzt, fördert und teilt.\nSoftware\nProgramme, die in der Verwaltung im Einsatz sind.\nBeteiligung\nWie Bürgerinnen, Bürger und Unternehmen mitmachen können.',
    );
    assert.equal(byId.get('en/index')!.lang, 'en');
  });

  test('sections point at the headings VitePress renders', async () => {
    const byId = new Map((await documents()).documents.map((doc) => [doc.id, doc]));
    assert.deepEqual(
      byId.get('de/software/firefox')!.sections?.map((section) => [section.anchor, section.title]),
      [
        ['installieren', 'Installation'],
        ['haufige-fragen', 'Häufige Fragen'],
      ],
    );
    assert.deepEqual(byId.get('de/beteiligung/index')!.sections, [
      { anchor: 'melden', title: 'Fehler melden', text: 'Schreiben Sie an das Open-Source-Büro.' },
    ]);
  });

  test('the CLI builds a searchable index of it, German only with --lang de', async () => {
    const dir = await workdir();
    const result = await cli(
      dir,
      site,
      '--strict',
      '--lang',
      'de',
      '--base-url',
      'https://opensource.muenchen.de',
    );
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /documents: +6\n/);
    const { raw, index } = await readIndex(join(dir, 'search-index.json'));
    assert.equal(
      raw.documents.find((doc) => doc.id === 'de/software/firefox')?.url,
      'https://opensource.muenchen.de/de/software/firefox',
    );
    assert.equal(index.search('Standardbrowser').hits[0]?.id, 'de/software/firefox');
    assert.equal(index.search('Vorlagenordner').hits[0]?.id, 'de/software/libreoffice');
    assert.equal(index.search('ProjectCard').total, 0);
    assert.equal(index.search('featured').total, 0);
    assert.ok(
      raw.documents.every((doc) => doc.id !== 'en/index'),
      'the English page is in no German index',
    );
  });
});
