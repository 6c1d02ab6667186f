/**
 * Markdown as site generators write it: titles from front matter or the first H1, URLs and ids
 * from the path, YAML and TOML front matter, text rendered by a Markdown parser with template
 * syntax and components removed, drafts left out, headings and sections.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readMarkdown, type SourceResult } from '../../src/cli/sources/markdown.js';
import { cli, files, readIndex, useTempFolders, workdir } from './helpers/cli-run.js';

useTempFolders('hzd-markdown-test-');

function fieldsOf(result: SourceResult): Record<string, unknown> {
  assert.ok('document' in result, 'a document, not skipped');
  return result.document.data as Record<string, unknown>;
}

function read(text: string, path = 'seite.md', options = {}): Record<string, unknown> {
  return fieldsOf(readMarkdown(text, path, path, options));
}

describe('Markdown: title, URL and id', () => {
  test('the title is the front matter title, else the first H1 (then not repeated in the body)', () => {
    assert.equal(
      read('---\ntitle: Aus dem Kopf\n---\n# Überschrift\nText')['title'],
      'Aus dem Kopf',
    );
    const fromH1 = read('Einleitung ohne Überschrift.\n\n# Wohngeld *beantragen*\n\nText.');
    assert.equal(fromH1['title'], 'Wohngeld beantragen');
    assert.equal(fromH1['body'], 'Einleitung ohne Überschrift.\nText.');
    const setext = read('Wohngeld\n========\n\nText.');
    assert.equal(setext['title'], 'Wohngeld');
  });

  test('the URL is url, permalink or slug, else the file path', () => {
    const at = (text: string, path: string) => read(text, path)['url'];
    assert.equal(at('---\nurl: /eigene/adresse\n---\n# T', 'a/b.md'), '/eigene/adresse');
    assert.equal(at('---\npermalink: /news/x/\n---\n# T', 'a/b.md'), '/news/x/');
    assert.equal(
      at('---\nslug: mozilla\n---\n# T', 'de/software/firefox.md'),
      '/de/software/mozilla',
    );
    assert.equal(at('# T', 'de/software/firefox.md'), '/de/software/firefox');
    assert.equal(at('# T', 'de/software/index.md'), '/de/software/');
    assert.equal(at('# T', 'de/software/_index.md'), '/de/software/');
    assert.equal(at('# T', 'de/software/README.md'), '/de/software/');
    assert.equal(at('# T', 'index.md'), '/');
    assert.equal(at('# T', 'de/Bürger Service.md'), '/de/B%C3%BCrger%20Service');
  });

  test('--url-style: clean, html, slash; index pages are their folder in every style', () => {
    const at = (style: string, path: string) => read('# T', path, { urlStyle: style })['url'];
    assert.deepEqual(
      ['clean', 'html', 'slash'].map((style) => at(style, 'de/software/firefox.md')),
      ['/de/software/firefox', '/de/software/firefox.html', '/de/software/firefox/'],
    );
    for (const style of ['clean', 'html', 'slash']) assert.equal(at(style, 'de/index.md'), '/de/');
  });

  test('ids come from the path and never collide', async () => {
    const dir = await workdir();
    await files(dir, {
      'site/de/index.md': '# Start\n',
      'site/de/software/index.md': '# Software\n',
      'site/de/software/firefox.md': '# Firefox\n',
      'site/de/software/firefox.html': '<title>Firefox (HTML)</title><main>x</main>',
      'site/de/a b.md': '# Mit Leerzeichen\n',
      'site/de/a-b.md': '# Mit Bindestrich\n',
      'site/explizit.md': '---\nid: de/software/index\ntitle: Gegeben\n---\n',
    });
    const result = await cli(dir, 'site', '--strict', '-q');
    assert.equal(result.code, 0, result.stderr);
    const { raw } = await readIndex(join(dir, 'search-index.json'));
    assert.deepEqual(
      raw.documents.map((doc) => [doc.id, doc.title]),
      [
        ['de/a-b', 'Mit Leerzeichen'],
        ['de/a-b~2', 'Mit Bindestrich'],
        ['de/index', 'Start'],
        ['de/software/firefox', 'Firefox (HTML)'],
        ['de/software/firefox~2', 'Firefox'],
        // The given id is kept; the made-up one that would collide with it moves aside.
        ['de/software/index~2', 'Software'],
        ['de/software/index', 'Gegeben'],
      ],
    );
  });
});

describe('Markdown: front matter', () => {
  test('YAML and TOML give the same fields; dates become days', () => {
    const yaml = read(
      '---\ntitle: Wohngeld\nkeywords: [Miete]\nlastmod: 2026-03-04T10:00:00+01:00\nfilters:\n  thema: [Wohnen]\n---\nText',
    );
    const toml = read(
      '+++\ntitle = "Wohngeld"\nkeywords = ["Miete"]\nlastmod = 2026-03-04T10:00:00+01:00\n[filters]\nthema = ["Wohnen"]\n+++\nText',
    );
    for (const fields of [yaml, toml]) {
      assert.equal(fields['title'], 'Wohngeld');
      assert.deepEqual(fields['keywords'], ['Miete']);
      assert.equal(fields['updated'], '2026-03-04');
      assert.deepEqual({ ...(fields['filters'] as object) }, { thema: ['Wohnen'] });
      assert.equal(fields['body'], 'Text');
    }
  });

  test('description is the summary when there is no summary', () => {
    assert.equal(read('---\ndescription: Kurz gesagt.\n---\n# T')['summary'], 'Kurz gesagt.');
  });

  test('malformed TOML names the line in the file', async () => {
    const dir = await workdir();
    await files(dir, { 'md/x.md': '+++\ntitle = "X"\nurl = = "/x"\n+++\nText\n' });
    const result = await cli(dir, 'md');
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /^error: md\/x\.md:3:\d+: invalid TOML front matter: invalid value\.$/m,
    );
    assert.match(result.stderr, /^hint: Write each field as name = value/m);
  });

  test('drafts and search: false are left out and counted', async () => {
    const dir = await workdir();
    await files(dir, {
      'md/a.md': '# Öffentlich\n',
      'md/b.md': '---\ndraft: true\n---\n# Entwurf\n',
      'md/c.md': '+++\ndraft = true\n+++\n# Entwurf\n',
      'md/d.md': '---\nsearch: false\n---\n# Nicht suchen\n',
    });
    const result = await cli(dir, 'md', '--strict');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /documents: +1\n/);
    assert.match(result.stdout, /^ {2}2 drafts \(draft: true\): md\/b\.md, md\/c\.md$/m);
    assert.match(result.stdout, /^ {2}1 pages with search: false: md\/d\.md$/m);
  });
});

describe('Markdown: text', () => {
  test('a Markdown parser renders the text: escapes, emphasis, links, images, tables', () => {
    const body = read(
      [
        '# T',
        'Hilfe für Bürger\\*innen und **alle** _anderen_ mit `Code` & &auml;.',
        '',
        'Siehe [das Formular](/formular "Titel") oder <https://example.de>. ![Stadtplan](plan.png)',
        '',
        '| Amt | Öffnungszeit |',
        '| --- | --- |',
        '| Bürgerbüro | 8–12 Uhr |',
        '',
        '```sh',
        'rm -rf /',
        '```',
        '',
        '    eingerückter Code',
        '',
        '- Punkt eins',
        '- Punkt zwei',
        '',
        '> Zitat',
      ].join('\n'),
    )['body'];
    assert.equal(
      body,
      [
        'Hilfe für Bürger*innen und alle anderen mit Code & ä.',
        'Siehe das Formular oder https://example.de. Stadtplan',
        'Amt Öffnungszeit',
        'Bürgerbüro 8–12 Uhr',
        'Punkt eins',
        'Punkt zwei',
        'Zitat',
      ].join('\n'),
    );
  });

  test('Vue components, <script setup>, <style>, comments and HTML tags leave only visible text', () => {
    const body = read(
      [
        '<script setup>',
        "import { useData } from 'vitepress'",
        '',
        'const { page } = useData()',
        '</script>',
        '',
        '# Software',
        '',
        'Wir nutzen <Badge type="tip" text="neu" /> freie Software {{ page.title }}.',
        '',
        '<!-- interner Hinweis -->',
        '<ContactCard name="Amt">',
        'Schreiben Sie **uns**.',
        '</ContactCard>',
        '',
        '<ClientOnly><OpenStreetMap :zoom="12" /></ClientOnly>',
        '',
        '::: warning Achtung',
        'Nur für Angemeldete.',
        ':::',
        '',
        '<style scoped>',
        '.x { color: red }',
        '</style>',
        '',
        '<script>console.log("weg")</script>',
      ].join('\n'),
    )['body'];
    assert.equal(
      body,
      'Wir nutzen freie Software .\nSchreiben Sie uns.\nAchtung\nNur für Angemeldete.',
    );
  });

  test('Hugo shortcodes and Jekyll/Liquid tags go, the text between paired tags stays', () => {
    const body = read(
      [
        '# T',
        '{{< figure src="a.png" >}}',
        '{{< hint info >}}Bitte beachten Sie die Frist.{{< /hint >}}',
        '{{% notice tip %}}Ein Tipp.{{% /notice %}}',
        '{% include kontakt.html %}',
        '{% comment %}Nicht sichtbar{% endcomment %}',
        '{% if site.x %}Bedingt{% endif %} {{ page.date | date: "%Y" }}',
        '{: .note}',
      ].join('\n'),
    )['body'];
    assert.equal(body, 'Bitte beachten Sie die Frist. Ein Tipp.\nBedingt');
  });

  test('MDX: imports, exports and expressions go', () => {
    const body = read(
      [
        "import Chart from '../components/Chart'",
        'export const meta = { x: 1 }',
        '',
        '# Zahlen',
        '',
        'Es gibt {props.count} Anträge. {/* Kommentar */}',
        '',
        '<Chart data={[1, 2]} />',
        '',
        'Ende.',
      ].join('\n'),
      'zahlen.mdx',
    )['body'];
    assert.equal(body, 'Es gibt Anträge.\nEnde.');
  });
});

describe('Markdown: headings and sections', () => {
  const page = [
    '# Wohngeld',
    'Einleitung.',
    '## Wer bekommt Wohngeld?',
    'Mieter und Eigentümer.',
    '### Einkommensgrenzen',
    'Tabelle.',
    '## Antrag stellen {#antrag}',
    'Beim Amt.',
    '## Über uns',
    'Das Amt.',
    '## Über uns',
    'Noch einmal.',
  ].join('\n');

  test('H2–H6 are the headings; each heading with an id is a section up to the next of its level', () => {
    const fields = read(page);
    assert.deepEqual(fields['headings'], [
      'Wer bekommt Wohngeld?',
      'Einkommensgrenzen',
      'Antrag stellen',
      'Über uns',
      'Über uns',
    ]);
    assert.deepEqual(fields['sections'], [
      {
        anchor: 'wer-bekommt-wohngeld',
        title: 'Wer bekommt Wohngeld?',
        text: 'Mieter und Eigentümer.\nEinkommensgrenzen\nTabelle.',
      },
      { anchor: 'einkommensgrenzen', title: 'Einkommensgrenzen', text: 'Tabelle.' },
      { anchor: 'antrag', title: 'Antrag stellen', text: 'Beim Amt.' },
      { anchor: 'uber-uns', title: 'Über uns', text: 'Das Amt.' },
      { anchor: 'uber-uns-1', title: 'Über uns', text: 'Noch einmal.' },
    ]);
  });

  test('--heading-ids github keeps umlauts, as GitHub and Hugo do', () => {
    const sections = read(page, 'seite.md', { headingIds: 'github' })['sections'] as {
      anchor: string;
    }[];
    assert.deepEqual(
      sections.map((section) => section.anchor),
      ['wer-bekommt-wohngeld', 'einkommensgrenzen', 'antrag', 'über-uns', 'über-uns-1'],
    );
  });

  test('VitePress slugs: punctuation runs become one -, a leading digit gets _', () => {
    const sections = read('## 1. Schritt: Antrag & Frist\nx\n## Straße (neu)\ny')['sections'] as {
      anchor: string;
    }[];
    assert.deepEqual(
      sections.map((section) => section.anchor),
      ['_1-schritt-antrag-frist', 'straße-neu'],
    );
  });

  test('braces that are no attributes stay in the heading', () => {
    const fields = read('## Kosten {netto}\nText');
    assert.deepEqual(fields['headings'], ['Kosten {netto}']);
  });
});
