/**
 * The "not law" set: German desktop help from Debian packages (GNOME's Mallard pages, one
 * document per page intro and per section; DocBook manuals of MATE, GnuCash and Rhythmbox, one
 * document per chapter or section). Read from the installed files under /usr/share/help/de and cached,
 * gzipped, in test/.tmp/help-de.json.gz (not committed; made again when missing).
 *
 * Install the packages with:
 *   apt-get install --no-install-recommends gnome-user-docs evolution-common evince-common \
 *     gedit-common atril-common shotwell-common gnome-terminal-data epiphany-browser-data \
 *     cheese-common brasero-common totem-common zenity-common mate-calc-common mate-user-guide \
 *     gnucash-docs rhythmbox-data
 * (all architecture-independent data packages without further dependencies).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { docbookDocuments, docbookEntities } from './docbook.js';
import { pageDocuments, type HelpDocument } from './mallard.js';

export const HELP_ROOT = process.env['HZD_HELP_ROOT'] ?? '/usr/share/help/de';

/** Help folder → the Debian package that installs it. */
export const HELP_GUIDES: Record<string, string> = {
  'gnome-help': 'gnome-user-docs',
  'system-admin-guide': 'gnome-user-docs',
  evolution: 'evolution-common',
  evince: 'evince-common',
  gedit: 'gedit-common',
  atril: 'atril-common',
  shotwell: 'shotwell-common',
  'gnome-terminal': 'gnome-terminal-data',
  epiphany: 'epiphany-browser-data',
  cheese: 'cheese-common',
  brasero: 'brasero-common',
  totem: 'totem-common',
  zenity: 'zenity-common',
  'mate-calc': 'mate-calc-common',
  'mate-user-guide': 'mate-user-guide',
  'gnucash-guide': 'gnucash-docs',
  'gnucash-help': 'gnucash-docs',
  rhythmbox: 'rhythmbox-data',
};

const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const HELP_CORPUS_PATH = join(REPO_ROOT, 'test', '.tmp', 'help-de.json.gz');

export function installCommand(): string {
  const packages = [...new Set(Object.values(HELP_GUIDES))];
  return `apt-get install --no-install-recommends ${packages.join(' ')}`;
}

/** Reads every guide; a string saying what to install where guides are missing. */
export function readInstalledHelp(root = HELP_ROOT): HelpDocument[] | string {
  const missing = Object.keys(HELP_GUIDES).filter((guide) => !existsSync(join(root, guide)));
  if (missing.length)
    return `German help not found in ${root}: ${missing.join(', ')}. Install it with\n  ${installCommand()}`;
  const docs: HelpDocument[] = [];
  for (const guide of Object.keys(HELP_GUIDES).sort()) {
    const folder = join(root, guide);
    const files = readdirSync(folder).sort();
    const read = (file: string) => readFileSync(join(folder, file), 'utf8');
    const xml = files.filter((name) => /\.(xml|docbook)$/.test(name));
    const entities = docbookEntities([
      ...files.filter((name) => name.endsWith('.dtd')).map(read),
      ...xml.map(read).filter((text) => /<!DOCTYPE[^>[]*\[/.test(text)),
    ]);
    for (const file of files) {
      const path = join(folder, file);
      if (file.endsWith('.page'))
        docs.push(...pageDocuments(read(file), guide, file.slice(0, -'.page'.length), path));
      else if (xml.includes(file))
        docs.push(
          ...docbookDocuments(read(file), entities, guide, file.replace(/\.\w+$/, ''), path),
        );
    }
  }
  const seen = new Set<string>();
  return docs.filter((doc) => !seen.has(doc.id) && seen.add(doc.id));
}

export function writeHelpCorpus(docs: readonly HelpDocument[], path = HELP_CORPUS_PATH): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, gzipSync(JSON.stringify(docs)));
}

/** The cached corpus, made from the installed help first where it is missing. */
export function readHelpCorpus(path = HELP_CORPUS_PATH): HelpDocument[] | string {
  if (existsSync(path))
    return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as HelpDocument[];
  const docs = readInstalledHelp();
  if (typeof docs === 'string') return docs;
  writeHelpCorpus(docs, path);
  return docs;
}
