/**
 * Makes test/.tmp/help-de.json.gz, the "not law" corpus of the known-item eval, from the German
 * GNOME help installed under /usr/share/help/de (see test/eval/known-item/help-corpus.ts for the
 * packages). `npm run eval` does this itself when the file is missing; run this after installing
 * or upgrading the packages.
 *
 *   npx tsx test/tools/make-help-corpus.ts
 */
import {
  HELP_CORPUS_PATH,
  readInstalledHelp,
  writeHelpCorpus,
} from '../eval/known-item/help-corpus.js';

const docs = readInstalledHelp();
if (typeof docs === 'string') {
  console.error(docs);
  process.exit(1);
}
writeHelpCorpus(docs);
console.log(`${docs.length} documents → ${HELP_CORPUS_PATH}`);
