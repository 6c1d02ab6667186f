/**
 * Writes the Solr configset solr/hzd-de/ from the client analyzer's modules
 * (`npm run build:solr-configset`). Files of the folder that the generator does not make are
 * removed, so the folder holds exactly the configset.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIGSET_FOLDER, configsetFiles } from '../../src/backends/solr/configset/configset.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const folder = join(root, CONFIGSET_FOLDER);
const files = configsetFiles();
mkdirSync(folder, { recursive: true });
for (const name of readdirSync(folder)) if (!files.has(name)) rmSync(join(folder, name));
for (const [name, content] of files) writeFileSync(join(folder, name), content, 'utf8');
console.log(`Wrote ${files.size} files to ${CONFIGSET_FOLDER}/.`);
