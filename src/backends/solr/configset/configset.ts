/**
 * The files of the Solr configset solr/hzd-de/, all generated from the modules the static
 * index uses (src/core/analysis, synonyms, engine weights) and the contract solr-fields.ts.
 * `npm run build:solr-configset` writes them; a Node test checks the committed files equal them.
 */
import { schemaXml } from './schema-xml.js';
import { solrconfigXml } from './solrconfig-xml.js';
import { compoundWordsTxt, mappingTxt, stopwordsTxt, synonymsTxt } from './word-lists.js';

export const CONFIGSET_NAME = 'hzd-de';
export const CONFIGSET_FOLDER = `solr/${CONFIGSET_NAME}`;

/** File name → content. */
export function configsetFiles(): Map<string, string> {
  return new Map([
    ['schema.xml', schemaXml()],
    ['solrconfig.xml', solrconfigXml()],
    ['stopwords.txt', stopwordsTxt()],
    ['synonyms.txt', synonymsTxt()],
    ['compound-words.txt', compoundWordsTxt()],
    ['mapping-fold.txt', mappingTxt()],
  ]);
}
