/**
 * PDFs in a folder: their text is indexed, the title comes from the metadata or the largest text
 * on page 1, the card says PDF; PDFs without text and broken files are reported, not indexed.
 * The fixtures are made by test/tools/make-pdf-fixtures.ts.
 */
import assert from 'node:assert/strict';
import { cp, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readPdf } from '../../src/cli/sources/pdf.js';
import { makePdf, PDF_FIXTURES } from '../tools/make-pdf-fixtures.js';
import { cli, exists, readIndex, useTempFolders, workdir } from './helpers/cli-run.js';

useTempFolders('hzd-pdf-test-');

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'pdf');

describe('PDF', () => {
  test('the committed fixtures are the ones the generator makes', async () => {
    for (const [name, spec] of Object.entries(PDF_FIXTURES)) {
      assert.deepEqual(await readFile(join(fixtures, name)), makePdf(spec), name);
    }
  });

  test('text, title from the metadata, type PDF, language and date', async () => {
    const bytes = await readFile(join(fixtures, 'merkblatt-wohngeld.pdf'));
    const { data } = await readPdf(bytes, {
      file: 'downloads/merkblatt-wohngeld.pdf',
      relativePath: 'downloads/merkblatt-wohngeld.pdf',
    });
    const fields = data as Record<string, unknown>;
    assert.equal(fields['id'], 'downloads/merkblatt-wohngeld.pdf');
    assert.equal(fields['url'], '/downloads/merkblatt-wohngeld.pdf');
    assert.equal(fields['title'], 'Merkblatt zum Wohngeld');
    assert.equal(fields['type'], 'PDF');
    assert.equal(fields['lang'], 'de-DE');
    assert.equal(fields['updated'], '2026-01-15');
    const body = fields['body'] as string;
    assert.match(body, /^Wohngeld in Hessen\nWohngeld ist ein Zuschuss zur Miete/);
    // A word broken at the end of a line is one word again; a hyphen before a capital stays.
    assert.match(body, /Wohngeldbehörde Ihrer Stadt\. Größe und Miete/);
    assert.match(body, /Zweite Seite: Unterlagen wie Mietvertrag/);
  });

  test('without a metadata title, the largest text on page 1 is the title', async () => {
    const bytes = await readFile(join(fixtures, 'antrag-elterngeld.pdf'));
    const { data } = await readPdf(bytes, { file: 'a.pdf', relativePath: 'a.pdf' });
    assert.equal((data as { title: string }).title, 'Antrag auf Elterngeld');
  });

  test('a folder indexes PDFs beside pages; scans and broken files are reported', async () => {
    const dir = await workdir();
    await cp(fixtures, join(dir, 'site', 'downloads'), { recursive: true });
    const result = await cli(dir, 'site');
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stderr,
      /^warning: site\/downloads\/scan\.pdf: the PDF has no text layer \(2 pages without text, probably scanned images\), so it was not indexed\.$/m,
    );
    assert.match(result.stderr, /^hint: Run text recognition \(OCR\)/m);
    assert.match(result.stderr, /^warning: site\/downloads\/kaputt\.pdf: not a readable PDF: /m);
    assert.match(result.stdout, /documents: +2\n/);
    const { raw, index } = await readIndex(join(dir, 'search-index.json'));
    assert.deepEqual(
      raw.documents.map((doc) => doc.title),
      ['Antrag auf Elterngeld', 'Merkblatt zum Wohngeld'],
    );
    assert.equal(index.search('Geburtsurkunde').hits[0]?.title, 'Antrag auf Elterngeld');

    const strict = await cli(dir, 'site', '--strict', '-o', 'strict.json');
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /^error: site\/downloads\/kaputt\.pdf: not a readable PDF/m);
    assert.match(strict.stderr, /^error: site\/downloads\/scan\.pdf: the PDF has no text layer/m);
    assert.match(strict.stderr, /^error: --strict: 2 problems, so no index was written\.$/m);
    assert.equal(await exists(join(dir, 'strict.json')), false);
  });
});
