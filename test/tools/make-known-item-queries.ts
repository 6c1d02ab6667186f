/**
 * Makes the known-item query sets test/eval/known-item/law-queries.json and help-queries.json
 * from their corpora (see test/eval/known-item/sets.ts and README). Deterministic: the same
 * corpora, word list and seeds give the same files. Run it only when the method changes, never
 * to make the figures look better; the files are committed so the queries stay stable.
 *
 *   npx tsx test/tools/make-known-item-queries.ts [law|help]
 *
 * Needs Debian's German word list (apt-get install wngerman) for the compound splitter.
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import * as prettier from 'prettier';
import { readWordList } from '../eval/known-item/corpus-stats.js';
import { KINDS } from '../eval/known-item/query-kinds.js';
import { SETS } from '../eval/known-item/sets.js';
import { drawTargets } from '../eval/known-item/targets.js';

const only = process.argv[2];
const dictionary = readWordList();
let failed = false;
for (const definition of SETS) {
  if (only && definition.name !== only) continue;
  const docs = definition.load();
  if (typeof docs === 'string') {
    console.error(`${definition.name}: ${docs}`);
    failed = true;
    continue;
  }
  const set = drawTargets(docs, definition.rules, dictionary, definition);
  const options = (await prettier.resolveConfig(definition.queriesFile)) ?? {};
  const text = await prettier.format(JSON.stringify(set), {
    ...options,
    filepath: definition.queriesFile,
  });
  writeFileSync(definition.queriesFile, text);
  const perKind = KINDS.map(
    (kind) => `${kind} ${set.targets.filter((t) => t.queries[kind] !== undefined).length}`,
  ).join(', ');
  console.log(
    `${definition.name}: ${set.documents} documents, ${set.eligible} eligible, ${set.targets.length} targets (${perKind}) → ${relative(process.cwd(), definition.queriesFile)}`,
  );
}
if (failed) process.exit(1);
