/**
 * The corpora of the browser benchmark, as JSON arrays of `{ id, title, url, keywords, body }`
 * cached in test/bench/.cache/ (gitignored):
 *
 * - `gesetze-10k`: 10,000 sections of German federal law, read from ../shared/corpus (never
 *   copied into the repository; see its README);
 * - `manpages-de-20k`: 20,000 sections and subsections (long ones split into parts of whole
 *   paragraphs, about 800 characters) of Debian's German man pages (packages `manpages-de`,
 *   `manpages-de-dev` and ten Debian tools with their own translations; fetched with `apt-get
 *   download`, unpacked with `dpkg-deb -x`, no root needed), converted from roff to plain text,
 *   pages that are copies of another under a second name indexed once. A different kind of German
 *   text from the laws: technical, short sections, many command and function names.
 *
 *   tsx test/bench/corpora.ts            prepares both and prints their paths and sizes
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CACHE_DIR = resolve(REPO_ROOT, 'test/bench/.cache');
const SHARED_CORPUS = process.env['HZD_CORPUS_DIR'] ?? resolve(REPO_ROOT, '../shared/corpus');

export interface BenchDocument {
  id: string;
  title: string;
  url: string;
  keywords: string[];
  body: string;
}

export const CORPUS_NAMES = ['gesetze-10k', 'manpages-de-20k'] as const;
export type CorpusName = (typeof CORPUS_NAMES)[number];

export const CORPUS_DESCRIPTIONS: Record<CorpusName, string> = {
  'gesetze-10k': '10,000 sections of German federal law (../shared/corpus/gesetze-10k.json.gz)',
  'manpages-de-20k':
    "20,000 sections of Debian's German man pages (manpages-de 4.18.1, manpages-de-dev, apt, dpkg, debhelper, devscripts, …)",
};

// Debian's German man pages, and those of the Debian tools that ship their own translations.
const MAN_PACKAGES = [
  'manpages-de',
  'manpages-de-dev',
  'apt',
  'dpkg',
  'dpkg-dev',
  'man-db',
  'debhelper',
  'devscripts',
  'debconf-doc',
  'adduser',
  'apt-listchanges',
  'po4a',
];
const MAN_DOCUMENTS = 20_000;

/** The corpus as a JSON file in the cache (prepared on first use); returns its path. */
export function corpusFile(name: CorpusName): string {
  mkdirSync(CACHE_DIR, { recursive: true });
  const file = join(CACHE_DIR, `${name}.json`);
  if (existsSync(file)) return file;
  const documents = name === 'gesetze-10k' ? lawSections() : manSections();
  writeFileSync(file, JSON.stringify(documents));
  return file;
}

export function readCorpus(name: CorpusName): BenchDocument[] {
  return JSON.parse(readFileSync(corpusFile(name), 'utf8')) as BenchDocument[];
}

function lawSections(): BenchDocument[] {
  const source = join(SHARED_CORPUS, 'gesetze-10k.json.gz');
  if (!existsSync(source)) throw new Error(`The law corpus is missing: ${source}`);
  return JSON.parse(gunzipSync(readFileSync(source)).toString('utf8')) as BenchDocument[];
}

// ---- German man pages -----------------------------------------------------------------------

function manSections(): BenchDocument[] {
  const root = join(CACHE_DIR, 'manpages-de');
  if (!existsSync(join(root, 'usr/share/man/de'))) {
    mkdirSync(root, { recursive: true });
    execFileSync('apt-get', ['download', ...MAN_PACKAGES], { cwd: root, stdio: 'ignore' });
    for (const deb of readdirSync(root).filter((file) => file.endsWith('.deb'))) {
      execFileSync('dpkg-deb', ['-x', deb, '.'], { cwd: root });
    }
  }
  const manDir = join(root, 'usr/share/man/de');
  const files = readdirSync(manDir)
    .filter((dir) => /^man\d/.test(dir))
    .flatMap((dir) =>
      readdirSync(join(manDir, dir))
        .filter((file) => file.endsWith('.gz'))
        .map((file) => join(manDir, dir, file)),
    )
    .sort();
  // Some pages are copies under a second name (bzip2, bunzip2, bzcat): indexed once.
  const seen = new Set<string>();
  const all = files.flatMap((file) => {
    const source = gunzipSync(readFileSync(file)).toString();
    if (seen.has(source)) return [];
    seen.add(source);
    return pageSections(source, basename(file, '.gz'));
  });
  if (all.length < MAN_DOCUMENTS) {
    throw new Error(`The man pages have only ${all.length} sections (${MAN_DOCUMENTS} wanted).`);
  }
  // An even, deterministic sample over all pages (not the first pages of the alphabet).
  const step = all.length / MAN_DOCUMENTS;
  return Array.from({ length: MAN_DOCUMENTS }, (_, n) => all[Math.floor(n * step)]!);
}

const NAMED_CHARACTERS: Record<string, string> = {
  em: '—',
  en: '–',
  aq: "'",
  dq: '"',
  lq: '„',
  rq: '“',
  Bq: '„',
  bq: '‚',
  oq: '‘',
  cq: '’',
  bu: '•',
  co: '©',
  rg: '®',
  ti: '~',
  ha: '^',
  rs: '\\',
  ga: '`',
  ':a': 'ä',
  ':o': 'ö',
  ':u': 'ü',
  ':A': 'Ä',
  ':O': 'Ö',
  ':U': 'Ü',
  ss: 'ß',
  '>=': '≥',
  '<=': '≤',
  mu: '×',
  hy: '-',
  fo: '«',
  fc: '»',
};

/** Roff inline escapes to text. */
function inline(text: string): string {
  return text
    .replace(/\\f(?:\[[^\]]*\]|\(..|.)/g, '')
    .replace(/\\s[+-]?\d+/g, '')
    .replace(/\\\*(?:\[[^\]]*\]|\(..|.)/g, '')
    .replace(/\\\((..)/g, (_, name: string) => NAMED_CHARACTERS[name] ?? '')
    .replace(/\\\[([^\]]*)\]/g, (_, name: string) => NAMED_CHARACTERS[name] ?? '')
    .replace(/\\[-]/g, '-')
    .replace(/\\e/g, '\\')
    .replace(/\\[ ~0]/g, ' ')
    .replace(/\\[&:%|^c)]/g, '')
    .replace(/\\"/g, '');
}

/** The arguments of a macro line, quotes removed. */
function macroArguments(rest: string): string[] {
  return [...rest.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!);
}

const FONT_MACROS = new Set(['B', 'I', 'SM', 'SB']);
const ALTERNATING_MACROS = new Set(['BR', 'BI', 'IB', 'RB', 'RI', 'IR']);
const BREAK_MACROS = new Set(['PP', 'P', 'LP', 'TP', 'TQ', 'IP', 'HP', 'sp', 'br', 'RS', 'RE']);

/** Long sections (option lists, mostly) become parts of whole paragraphs, as a site would. */
const PART_CHARACTERS = 800;
function splitLong(body: string): string[] {
  if (body.length <= PART_CHARACTERS * 1.5) return [body];
  const parts: string[] = [];
  let part = '';
  for (const paragraph of body.split('\n')) {
    if (part && part.length + paragraph.length > PART_CHARACTERS) {
      parts.push(part);
      part = '';
    }
    part = part ? `${part}\n${paragraph}` : paragraph;
  }
  if (part) parts.push(part);
  return parts;
}

/** One man page's sections (`.SH`) and subsections (`.SS`) as documents; `file` is `ls.1`. */
function pageSections(source: string, file: string): BenchDocument[] {
  const header = /^\.TH\s+(\S+)\s+(\S+)/m.exec(source);
  if (!header || /^\.so\s/m.test(source.slice(0, 200))) return [];
  // The file name, not the .TH name: `[.1` and `test.1` are both "TEST".
  const at = file.lastIndexOf('.');
  const name = file.slice(0, at);
  const section = file.slice(at + 1);
  const sections: BenchDocument[] = [];
  let heading = '';
  let subheading = '';
  let lines: string[] = [];
  let pendingHeading: 'SH' | 'SS' | undefined;
  let skipping = false;
  const flush = () => {
    const body = lines
      .join('\n')
      .replace(/[ \t]+/g, ' ')
      .replace(/\n{2,}/g, '\n')
      .trim();
    lines = [];
    if (!heading || body.length < 40) return;
    const label = subheading ? `${heading}: ${subheading}` : heading;
    const anchor = label.replace(/[^\p{L}\p{N}]+/gu, '_');
    const parts = splitLong(body);
    parts.forEach((part, n) => {
      sections.push({
        // The CLI's id charset: letters, digits and - _ . / ~.
        id: `${name}.${section}-${sections.length}`.replace(/[^A-Za-z0-9._~/-]/g, '_'),
        title: `${label}${parts.length > 1 ? ` (Teil ${n + 1})` : ''} – ${name}(${section})`,
        url: `https://manpages.debian.org/bookworm/manpages-de/${name}.${section}.de.html#${anchor}${parts.length > 1 ? `-${n + 1}` : ''}`,
        keywords: [name],
        body: part,
      });
    });
  };
  for (const raw of source.split('\n')) {
    if (skipping) {
      if (raw.startsWith('..')) skipping = false;
      continue;
    }
    if (/^['.]\s*\\"/.test(raw)) continue;
    if (pendingHeading) {
      const text = inline(raw.replace(/^\.\w+\s*/, '')).trim();
      if (pendingHeading === 'SH') heading = text;
      else subheading = text;
      pendingHeading = undefined;
      continue;
    }
    const macro = /^[.'](\S+)\s*(.*)$/.exec(raw);
    if (!macro) {
      lines.push(inline(raw));
      continue;
    }
    const [, name_, rest] = macro as unknown as [string, string, string];
    if (name_ === 'de' || name_ === 'ig') {
      skipping = true;
    } else if (name_ === 'SH' || name_ === 'SS') {
      flush();
      if (name_ === 'SH') subheading = '';
      const text = inline(macroArguments(rest).join(' ')).trim();
      if (!text) pendingHeading = name_;
      else if (name_ === 'SH') heading = text;
      else subheading = text;
    } else if (FONT_MACROS.has(name_)) {
      lines.push(inline(macroArguments(rest).join(' ')));
    } else if (ALTERNATING_MACROS.has(name_)) {
      lines.push(inline(macroArguments(rest).join('')));
    } else if (BREAK_MACROS.has(name_)) {
      lines.push('\n');
      if (name_ === 'IP' && rest) lines.push(inline(macroArguments(rest)[0] ?? ''));
    }
  }
  flush();
  return sections;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const name of CORPUS_NAMES) {
    const file = corpusFile(name);
    const documents = readCorpus(name);
    const characters = documents.reduce((sum, doc) => sum + doc.body.length, 0);
    console.log(`${name}: ${documents.length} documents, ${characters} body characters, ${file}`);
  }
}
