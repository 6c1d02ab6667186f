/**
 * schema.xml of the configset: the fields of the contract (solr-fields.ts) and the German
 * analysis of the client (src/core/analysis), step by step:
 *
 * | client (src/core/analysis)                  | Solr                                          |
 * |---------------------------------------------|-----------------------------------------------|
 * | tokenize.ts: letters/marks/digits, hyphens  | PatternTokenizer with the same expression,    |
 * | join parts; parts + joined form indexed     | WordDelimiterGraphFilter (parts; catenateAll  |
 * |                                             | at index time only)                           |
 * | fold.ts: diacritics dropped                 | MappingCharFilter (generated from fold's rule)|
 * | fold.ts: lower case, ß, ä/ö/ü, ae/oe/ue     | LowerCaseFilter + GermanNormalizationFilter   |
 * |   except ue after a vowel or q              |   (the same German2 heuristic)                |
 * | stopwords.ts                                | StopFilter (stopwords.txt)                    |
 * | decompound.ts: lexicon splitter             | DictionaryCompoundWordTokenFilter (dictionary |
 * |                                             |   generated from the same lexicon)            |
 * | stem.ts: CISTEM without ge-                 | PatternReplaceFilter chain (cistem-rules.ts)  |
 * | synonyms.ts (query time)                    | SynonymGraphFilter (query time, synonyms.txt) |
 *
 * Known differences: the client's splitter also knows words of the indexed content and takes
 * only the best split, while the dictionary filter finds every lexicon word inside a compound
 * (longest match per position); the client's pair keys (neighbouring nouns joined) and exact /
 * folded / stem evidence weights have no Solr counterpart: Solr matches on the stem.
 */
import { FIELD_BOOSTS, LENGTH_NORMALIZATION, FIELD_NUMBER } from '../../../core/engine.js';
import {
  SOLR_FILTER_FIELD_PREFIX,
  SOLR_SPELL_FIELD,
  SOLR_STRING_FIELDS,
  SOLR_SUGGEST_FIELD,
  SOLR_TEXT_FIELDS,
} from '../solr-fields.js';
import { MAX_COMPOUND_LENGTH } from '../../../core/analysis/decompound.js';
import { CISTEM_RULES } from './cistem-rules.js';
import { javaRegexChars, xml } from './xml.js';

/** tokenize.ts's WORD expression, in Java syntax. */
const WORD_PATTERN = javaRegexChars(
  '[\\p{L}\\p{M}\\p{N}]+(?:[-\u00AD\u2010\u2011][\\p{L}\\p{M}\\p{N}]+)*',
);

export const TEXT_TYPE = 'text_hzd_de';
/** Same analysis, less length normalization: the client's short naming fields. */
export const NAME_TEXT_TYPE = 'text_hzd_de_name';

type Phase = 'index' | 'query';

function wordDelimiter(phase: Phase): string {
  // Only hyphens reach this filter (the tokenizer keeps nothing else inside a token); it
  // splits there and, when indexing, also adds the joined form ("E-Mail" → e, mail, email).
  const catenate = phase === 'index' ? 1 : 0;
  return (
    `<filter class="solr.WordDelimiterGraphFilterFactory" generateWordParts="1" ` +
    `generateNumberParts="1" catenateWords="0" catenateNumbers="0" catenateAll="${catenate}" ` +
    `splitOnCaseChange="0" splitOnNumerics="0" preserveOriginal="0" stemEnglishPossessive="0"/>`
  );
}

function germanAnalyzer(phase: Phase): string {
  const filters = [
    wordDelimiter(phase),
    ...(phase === 'index' ? ['<filter class="solr.FlattenGraphFilterFactory"/>'] : []),
    '<filter class="solr.LowerCaseFilterFactory"/>',
    '<filter class="solr.GermanNormalizationFilterFactory"/>',
    '<filter class="solr.StopFilterFactory" words="stopwords.txt" ignoreCase="false"/>',
    ...(phase === 'index'
      ? [
          `<filter class="solr.DictionaryCompoundWordTokenFilterFactory" dictionary="compound-words.txt" ` +
            `minWordSize="7" minSubwordSize="3" maxSubwordSize="${MAX_COMPOUND_LENGTH}" onlyLongestMatch="true"/>`,
        ]
      : [
          '<filter class="solr.SynonymGraphFilterFactory" synonyms="synonyms.txt" expand="true" ignoreCase="false"/>',
        ]),
    ...CISTEM_RULES.map(
      (rule) =>
        `<filter class="solr.PatternReplaceFilterFactory" pattern="${xml(rule.pattern)}" ` +
        `replacement="${xml(rule.replacement)}" replace="${rule.replace}"/>`,
    ),
    '<filter class="solr.RemoveDuplicatesTokenFilterFactory"/>',
  ];
  return analyzer(phase, filters);
}

function analyzer(phase: Phase | undefined, filters: string[]): string {
  const type = phase ? ` type="${phase}"` : '';
  return [
    `    <analyzer${type}>`,
    '      <charFilter class="solr.MappingCharFilterFactory" mapping="mapping-fold.txt"/>',
    `      <tokenizer class="solr.PatternTokenizerFactory" pattern="${xml(WORD_PATTERN)}" group="0"/>`,
    ...filters.map((filter) => `      ${filter}`),
    '    </analyzer>',
  ].join('\n');
}

function bm25(b: number): string {
  return `    <similarity class="solr.BM25SimilarityFactory"><float name="k1">1.2</float><float name="b">${b}</float></similarity>`;
}

function germanType(name: string, b: number): string {
  return [
    `  <fieldType name="${name}" class="solr.TextField" positionIncrementGap="100">`,
    germanAnalyzer('index'),
    germanAnalyzer('query'),
    bm25(b),
    '  </fieldType>',
  ].join('\n');
}

const SHORT_B = LENGTH_NORMALIZATION[FIELD_NUMBER.title]!;
const LONG_B = LENGTH_NORMALIZATION[FIELD_NUMBER.body]!;

function textTypeOf(field: (typeof SOLR_TEXT_FIELDS)[number]): string {
  return LENGTH_NORMALIZATION[FIELD_NUMBER[field]] === SHORT_B ? NAME_TEXT_TYPE : TEXT_TYPE;
}

const MULTI_VALUED_TEXT = new Set(['keywords', 'headings']);

export function schemaXml(): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!-- Generated by `npm run build:solr-configset` (src/backends/solr/configset); do not edit.',
    '     German analysis equal to the static index (src/core/analysis); field names from',
    '     src/backends/solr/solr-fields.ts. -->',
    '<schema name="hzd-de" version="1.7">',
    '  <uniqueKey>id</uniqueKey>',
    '',
    '  <fieldType name="string" class="solr.StrField" sortMissingLast="true" docValues="true"/>',
    '  <fieldType name="plong" class="solr.LongPointField" docValues="true"/>',
    germanType(TEXT_TYPE, LONG_B),
    germanType(NAME_TEXT_TYPE, SHORT_B),
    '  <!-- Completions: folded words, unstemmed, so a prefix matches as typed. -->',
    '  <fieldType name="text_hzd_suggest" class="solr.TextField" positionIncrementGap="100">',
    analyzer(undefined, [
      wordDelimiter('query'),
      '<filter class="solr.LowerCaseFilterFactory"/>',
      '<filter class="solr.GermanNormalizationFilterFactory"/>',
    ]),
    '  </fieldType>',
    '  <!-- "Did you mean": words as written (lower case), so a correction reads as a word. -->',
    '  <fieldType name="text_hzd_spell" class="solr.TextField" positionIncrementGap="100">',
    analyzer(undefined, [wordDelimiter('query'), '<filter class="solr.LowerCaseFilterFactory"/>']),
    '  </fieldType>',
    '  <similarity class="solr.SchemaSimilarityFactory"/>',
    '',
    '  <field name="_version_" type="plong" indexed="false" stored="false"/>',
    ...SOLR_STRING_FIELDS.single.map(
      (name) =>
        `  <field name="${name}" type="string" indexed="true" stored="true"${name === 'id' ? ' required="true"' : ''}/>`,
    ),
    ...SOLR_STRING_FIELDS.multi.map(
      (name) =>
        `  <field name="${name}" type="string" indexed="true" stored="true" multiValued="true"/>`,
    ),
    `  <dynamicField name="${SOLR_FILTER_FIELD_PREFIX}*" type="string" indexed="true" stored="true" multiValued="true"/>`,
    ...SOLR_TEXT_FIELDS.map(
      (name) =>
        `  <field name="${name}" type="${textTypeOf(name)}" indexed="true" stored="true"${MULTI_VALUED_TEXT.has(name) ? ' multiValued="true"' : ''}/>`,
    ),
    `  <!-- meta: category, partners and levels as searchable words (weight ${FIELD_BOOSTS.meta}). -->`,
    `  <field name="meta" type="${TEXT_TYPE}" indexed="true" stored="false" multiValued="true"/>`,
    `  <field name="${SOLR_SUGGEST_FIELD}" type="text_hzd_suggest" indexed="true" stored="true" multiValued="true"/>`,
    `  <field name="${SOLR_SPELL_FIELD}" type="text_hzd_spell" indexed="true" stored="false" multiValued="true"/>`,
    '',
    ...['category', 'partners', 'levels'].map(
      (from) => `  <copyField source="${from}" dest="meta"/>`,
    ),
    ...['title', 'keywords'].map(
      (from) => `  <copyField source="${from}" dest="${SOLR_SUGGEST_FIELD}"/>`,
    ),
    ...SOLR_TEXT_FIELDS.map((from) => `  <copyField source="${from}" dest="${SOLR_SPELL_FIELD}"/>`),
    '</schema>',
    '',
  ];
  return lines.join('\n');
}
