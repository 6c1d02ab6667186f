/**
 * Counts the German help and manual sections that Debian packages hold, for planning a benchmark
 * of German help text (not for the eval itself). Each argument is a root folder: `/` for what is
 * installed, or a folder a package was unpacked into (`apt-get download PKG && dpkg-deb -x
 * PKG_*.deb DIR`). German man pages and the LibreOffice help are not counted: they are kept for
 * checks this project does not see.
 *
 *   npx tsx test/tools/count-help-sections.ts / [DIR …]
 *
 * Sections are counted by format, roughly as a search document per heading:
 * - Mallard (.page under usr/share/help/de): the page text before its first section, and each
 *   titled section (the same split as test/eval/known-item/mallard.ts).
 * - DocBook (.xml/.docbook under usr/share/help/de or usr/share/doc/HTML/de): chapter, appendix,
 *   preface, section, sect1–sect5, refsect1–3 elements.
 * - HTML in German folders (…/de/…, de-DE, *.de.html): h1–h4 headings.
 * - LyX manuals (usr/share/lyx/doc/de): Chapter, Section, Subsection, Subsubsection layouts.
 * Files with the same content are counted once (over all roots), and LilyPond's one-page copies
 * of its split manuals (*-big-page*) not at all. HTML figures are the roughest: navigation
 * headings count, and one package may ship two editions of a manual.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { pageDocuments } from '../eval/known-item/mallard.js';

type Format = 'mallard' | 'docbook' | 'html' | 'lyx';

function walk(dir: string, out: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      continue;
    }
    if (stat.isDirectory()) walk(path, out);
    else if (stat.isFile()) out.push(path);
  }
}

function formatOf(path: string): Format | null {
  const p = path.replace(/\\/g, '/');
  if (/\/man\//.test(p) || /libreoffice/i.test(p) || /big-page/.test(p)) return null;
  if (/\/usr\/share\/help\/de\//.test(p) && p.endsWith('.page')) return 'mallard';
  if (/\/usr\/share\/(help|doc\/HTML)\/de\//.test(p) && /\.(xml|docbook)$/.test(p))
    return 'docbook';
  if (/\/usr\/share\/lyx\/doc\/de\/[^/]+\.lyx$/.test(p)) return 'lyx';
  if (/\.(x?html?)$/.test(p) && /(\/de\/|\/de-DE\/|[._-]de\.x?html?$|-de\/)/.test(p)) return 'html';
  return null;
}

const seen = new Set<string>();

function countSections(path: string, format: Format): number {
  const text = readFileSync(path, 'utf8');
  const hash = createHash('sha1').update(text).digest('hex');
  if (seen.has(hash)) return 0;
  seen.add(hash);
  switch (format) {
    case 'mallard':
      try {
        return pageDocuments(text, 'x', basename(path, '.page'), path).length;
      } catch {
        return 0;
      }
    case 'docbook':
      return (text.match(/<(chapter|appendix|preface|section|sect[1-5]|refsect[1-3])[\s>]/g) ?? [])
        .length;
    case 'html':
      return (text.match(/<h[1-4][\s>]/gi) ?? []).length;
    case 'lyx':
      return (text.match(/^\\begin_layout (Chapter|Section|Subsection|Subsubsection)\b/gm) ?? [])
        .length;
  }
}

const roots = process.argv.slice(2);
if (!roots.length) {
  console.error('Usage: npx tsx test/tools/count-help-sections.ts ROOT [ROOT …]');
  process.exit(2);
}
console.log('| root | format | files | sections |');
console.log('|---|---|---:|---:|');
let total = 0;
for (const root of roots) {
  const files: string[] = [];
  for (const top of [
    'usr/share/help/de',
    'usr/share/doc',
    'usr/share/gimp',
    'usr/share/lyx/doc/de',
    'usr/share/debian-reference',
  ])
    walk(join(root, top), files);
  const byFormat = new Map<Format, { files: number; sections: number }>();
  for (const file of files) {
    const format = formatOf(`/${relative(root, file)}`);
    if (!format) continue;
    const entry = byFormat.get(format) ?? { files: 0, sections: 0 };
    entry.files++;
    entry.sections += countSections(file, format);
    byFormat.set(format, entry);
  }
  for (const [format, { files: count, sections }] of byFormat) {
    console.log(`| ${root} | ${format} | ${count} | ${sections} |`);
    total += sections;
  }
}
console.log(`\nTotal: ${total} sections`);
