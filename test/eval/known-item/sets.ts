/**
 * The two known-item sets: where their documents come from, how a heading is found, and the
 * fixed seed and size of the drawing. The queries are made once by
 * test/tools/make-known-item-queries.ts and committed (law-queries.json, help-queries.json), so
 * that they stay the same when the analyzer changes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { wordsOf, type CorpusDocument } from './corpus-stats.js';
import { readHelpCorpus } from './help-corpus.js';
import { lawAbbreviation, lawHeading, readLawCorpus } from './law-corpus.js';
import type { HelpDocument } from './mallard.js';
import type { KnownItemSet, TargetRules } from './targets.js';

export interface SetDefinition {
  name: string;
  description: string;
  seed: number;
  /** Targets per kind of query. */
  perKind: number;
  queriesFile: string;
  /** The documents to index, or why they are not there. */
  load: () => CorpusDocument[] | string;
  rules: TargetRules;
}

export const SETS: SetDefinition[] = [
  {
    name: 'law',
    description:
      'gesetze-10k.json.gz without the sections of gesetze-citizen.json.gz; targets: sections whose heading holds a compound no other heading holds',
    seed: 8_2026,
    perKind: 250,
    queriesFile: join(import.meta.dirname, 'law-queries.json'),
    load: () => {
      const corpus = readLawCorpus();
      return typeof corpus === 'string' ? corpus : corpus.docs;
    },
    rules: { heading: (doc) => lawHeading(doc.title), fallbackCompanions: lawAbbreviation },
  },
  {
    name: 'help',
    description:
      'German desktop help from 16 Debian packages (GNOME Mallard pages; MATE, GnuCash, Rhythmbox DocBook), one document per page intro and per section; targets: sections whose heading holds a compound no other heading holds',
    seed: 8_2027,
    perKind: 250,
    queriesFile: join(import.meta.dirname, 'help-queries.json'),
    load: () => readHelpCorpus(),
    rules: {
      heading: (doc) => (doc as HelpDocument).heading,
      fallbackCompanions: (doc) => wordsOf((doc as HelpDocument).page).filter((w) => w.length >= 4),
    },
  },
];

export function readQuerySet(definition: SetDefinition): KnownItemSet {
  return JSON.parse(readFileSync(definition.queriesFile, 'utf8')) as KnownItemSet;
}
