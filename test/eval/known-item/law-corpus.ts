/**
 * The law set: sections of gesetze-10k.json.gz (../shared/corpus) without every section that is
 * also in gesetze-citizen.json.gz. The citizen laws are kept for checks that this project does
 * not see, so they are neither indexed here nor used for queries.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { CorpusDocument } from './corpus-stats.js';

const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const LAW_CORPUS_DIR =
  process.env['HZD_CORPUS_DIR'] ?? resolve(REPO_ROOT, '../shared/corpus');
const SAMPLE_FILE = 'gesetze-10k.json.gz';
const HELD_OUT_FILE = 'gesetze-citizen.json.gz';

function readGzipJson(path: string): CorpusDocument[] {
  return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as CorpusDocument[];
}

export interface LawCorpus {
  docs: CorpusDocument[];
  /** Sections of the sample left out because the citizen file has them. */
  heldOut: number;
}

/** The corpus, or the reason (a sentence) where its files are missing. */
export function readLawCorpus(dir = LAW_CORPUS_DIR): LawCorpus | string {
  const sample = join(dir, SAMPLE_FILE);
  const heldOut = join(dir, HELD_OUT_FILE);
  for (const path of [sample, heldOut])
    if (!existsSync(path))
      return `${path} not found: the law set needs the federal-law corpus in ../shared/corpus (or HZD_CORPUS_DIR).`;
  const citizen = new Set(readGzipJson(heldOut).map((doc) => doc.id));
  const all = readGzipJson(sample);
  const docs = all.filter((doc) => !citizen.has(doc.id));
  return { docs, heldOut: all.length - docs.length };
}

/** "§ 3 Wohngeldberechtigung – Wohngeldgesetz (WoGG)" → "Wohngeldberechtigung"; "§ 7 – …" → "". */
export function lawHeading(title: string): string {
  const beforeLaw = title.split(' – ')[0]!;
  return beforeLaw.replace(/^(?:§+|Art\.?|Artikel)\s+\S+\s*/u, '').trim();
}

/** The law's abbreviation ("WoGG"; "ChemikAusbV" of "ChemikAusbV 2009"), a distinctive word. */
export function lawAbbreviation(doc: CorpusDocument): string[] {
  const abbreviation = doc.keywords?.[0]?.split(/\s+/)[0];
  return abbreviation ? [abbreviation] : [];
}
