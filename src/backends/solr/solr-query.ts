/**
 * Builds the parameters SolrSource sends to the configset's handlers (see solr-fields.ts).
 *
 * What a visitor types never reaches Solr as query syntax. The query is cut to
 * SOLR_MAX_QUERY_LENGTH and split into words with the core's tokenizer (runs of letters, marks
 * and digits, hyphen-joined), the one the configset's tokenizer pattern copies; every other
 * character (quotes, brackets, `:`, `*`, `{!…}`, `&&`) is dropped, and the words that edismax would
 * read as operators (AND, OR, NOT) go in lower case, which the analyzer produces anyway. `q` is
 * then built from these words only. Filter values go into `{!terms}` filters, whose value is
 * taken literally, never parsed.
 */
import { fold } from '../../core/analysis/fold.js';
import { isStopWord } from '../../core/analysis/stopwords.js';
import { tokenize } from '../../core/analysis/tokenize.js';
import { MAX_QUERY_WORDS } from '../../core/query.js';
import { cutText } from '../../core/text.js';
import {
  SOLR_FILTER_FIELD_PREFIX,
  SOLR_HIGHLIGHT_MARKERS,
  SOLR_MAX_QUERY_LENGTH,
  SOLR_QUERY_FIELDS,
  SOLR_STRING_FIELDS,
} from './solr-fields.js';

/** A word of the query, as typed, with where it ends in the (cut) query text. */
export interface QueryTerm {
  text: string;
  /** The word as it goes into `q` (only letters, marks, digits and escaped hyphens). */
  term: string;
  start: number;
  end: number;
}

export interface ParsedQuery {
  /** The query cut to SOLR_MAX_QUERY_LENGTH. */
  text: string;
  /** The words to search for (stop words dropped unless nothing else is left). */
  words: QueryTerm[];
  /** Every word, stop words included, as typed: what spellcheck and completions work on. */
  allWords: QueryTerm[];
  /** The last word runs to the end of the text, so a visitor may still be typing it. */
  lastIsOpen: boolean;
}

/** Characters the Lucene and edismax syntax treat specially (a word can hold only `-`). */
const SYNTAX = /[\\+\-!():^[\]"{}~*?|&/]/g;
const OPERATORS = new Set(['AND', 'OR', 'NOT']);

/** A word made safe for `q`: special characters escaped, operator words in lower case. */
export function escapeTerm(word: string): string {
  const term = OPERATORS.has(word) ? word.toLowerCase() : word;
  return term.replace(SYNTAX, (char) => `\\${char}`);
}

/** The words of `query` to search for. */
export function parseQuery(query: string): ParsedQuery {
  const text = cutText(String(query ?? ''), SOLR_MAX_QUERY_LENGTH);
  const all = tokenize(text).map((word) => ({
    text: word.text,
    term: escapeTerm(word.text),
    start: word.start,
    end: word.end,
    stop: word.parts.every((part) => isStopWord(fold(part.text))),
  }));
  // "Wie beantrage ich Wohngeld": the stop words would only narrow a required-words search.
  // A query of stop words alone ("die") is searched as it is rather than not at all.
  const meaningful = all.filter((word) => !word.stop);
  const words = (meaningful.length ? meaningful : all)
    .slice(0, MAX_QUERY_WORDS)
    .map(({ text, term, start, end }) => ({ text, term, start, end }));
  const last = all.at(-1);
  return {
    text,
    words,
    allWords: all.map(({ text, term, start, end }) => ({ text, term, start, end })),
    lastIsOpen: !!last && last.end === text.length,
  };
}

/** Only letters, digits and `_`: what Solr accepts as a field name, nothing to inject. */
const FIELD_NAME = /^[A-Za-z0-9_]+$/;
const FIXED_FIELDS: ReadonlySet<string> = new Set([
  'category',
  'type',
  ...SOLR_STRING_FIELDS.multi,
]);

/**
 * The Solr field of a filter or facet name of `SearchOptions`: `category`, `type`, `levels`,
 * `partners` as they are, every other name as `filter_<name>` (SearchDocument.filters).
 */
export function solrFieldOf(name: string): string {
  if (FIXED_FIELDS.has(name)) return name;
  if (!FIELD_NAME.test(name)) {
    throw new RangeError(
      `"${cutText(name, 40)}" is not a filter field: use category, type, levels, partners or a name of SearchDocument.filters (letters, digits, _).`,
    );
  }
  return `${SOLR_FILTER_FIELD_PREFIX}${name}`;
}

/**
 * Separates the values of one `{!terms}` filter: a control character, which content never holds
 * (the index CLI removes them), and which is removed from the values.
 */
const VALUE_SEPARATOR = '\u001f';

/** Filters as `fq`s, each tagged so its own facet can leave it out (disjunctive counts). */
export function filterQueries(filters: SearchFilters | undefined): string[] {
  const queries: string[] = [];
  for (const [name, values] of Object.entries(filters ?? {})) {
    if (!Array.isArray(values)) continue;
    const clean = values
      .filter((value): value is string => typeof value === 'string')
      .map((value) => value.replaceAll(VALUE_SEPARATOR, ''))
      .filter(Boolean);
    const field = solrFieldOf(name);
    // No value given: nothing can match, as in the static index.
    if (!clean.length) {
      queries.push(`{!tag=f_${field}}-*:*`);
      continue;
    }
    // The text after `}` is the value list, taken literally: `") OR *:*` stays a value.
    queries.push(
      `{!terms tag=f_${field} f=${field} separator='${VALUE_SEPARATOR}'}${clean.join(VALUE_SEPARATOR)}`,
    );
  }
  return queries;
}

export type SearchFilters = Readonly<Record<string, readonly string[]>>;

/** `facet.field` entries: counted without the field's own filter, keyed by the option's name. */
export function facetFields(names: readonly string[] | undefined): string[] {
  return [...new Set(names ?? [])].map((name) => {
    const field = solrFieldOf(name);
    return `{!ex=f_${field} key=${name}}${field}`;
  });
}

/** Stored fields of a hit; `body` stays on the server (only its highlighted fragment comes). */
export const RESULT_FIELDS = [
  'id',
  'url',
  'title',
  'summary',
  'category',
  'type',
  'updated',
  'lang',
  'levels',
  'partners',
  `${SOLR_FILTER_FIELD_PREFIX}*`,
  'score',
];

/** Name of the pseudo-field saying whether a hit matches word `i` (see selectParams). */
export function wordField(index: number): string {
  return `hzd_w${index}`;
}

export interface SelectRequest {
  /** Per word, the alternatives to search for (the word, and its completions if typed). */
  alternatives: string[][];
  /** Every word must match (true), or any (false, with per-hit word checks). */
  requireAll: boolean;
  rows: number;
  start: number;
  filters?: SearchFilters;
  facets?: readonly string[];
  /** The text spellcheck corrects (plain words); none: no spellcheck. */
  spellcheck?: string;
  /** Only the count and spellcheck, no hits (for a correction alone). */
  countOnly?: boolean;
}

/** One word's clause: the word, or a group of it and its completions. */
function clause(alternatives: readonly string[]): string {
  return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`;
}

/** Parameters of one /hzd/select request. */
export function selectParams(request: SelectRequest): URLSearchParams {
  const params = new URLSearchParams();
  const clauses = request.alternatives.map(clause);
  // Explicit `+` makes every word required whatever `mm` the handler defaults to.
  params.set('q', request.requireAll ? clauses.map((c) => `+${c}`).join(' ') : clauses.join(' '));
  // The handler has these as invariants; sent too, so any handler ranks by the same weights.
  params.set('defType', 'edismax');
  params.set('qf', SOLR_QUERY_FIELDS);
  params.set('uf', '-*');
  params.set('q.op', 'OR');
  params.set('mm', request.requireAll ? '100%' : '1');
  params.set('rows', String(request.countOnly ? 0 : request.rows));
  params.set('start', String(request.start));
  params.set('wt', 'json');
  params.set('json.nl', 'flat');
  for (const fq of filterQueries(request.filters)) params.append('fq', fq);

  if (request.countOnly) {
    params.set('hl', 'false');
    params.set('facet', 'false');
  } else {
    const fields = [...RESULT_FIELDS];
    if (!request.requireAll) {
      // Which words each hit holds ("Ergebnisse ohne: …"): the score of the word's own query,
      // 0 where it does not match. The word goes in a parameter of its own, never into `fl`.
      request.alternatives.forEach((alternatives, i) => {
        params.set(`hzd.w${i}`, clause(alternatives));
        fields.push(`${wordField(i)}:query({!edismax v=$hzd.w${i}},0)`);
      });
    }
    params.set('fl', fields.join(','));
    params.set('hl', 'true');
    params.set('hl.method', 'unified');
    params.set('hl.fl', 'title,summary,body');
    params.set('hl.tag.pre', SOLR_HIGHLIGHT_MARKERS.pre);
    params.set('hl.tag.post', SOLR_HIGHLIGHT_MARKERS.post);
    params.set('hl.snippets', '1');
    params.set('hl.fragsize', '180');
    params.set('hl.defaultSummary', 'true');
    // Title and summary whole: their ranges then apply to the stored text as it is.
    params.set('f.title.hl.bs.type', 'WHOLE');
    params.set('f.summary.hl.bs.type', 'WHOLE');
    const facets = facetFields(request.facets);
    if (facets.length) {
      params.set('facet', 'true');
      params.set('facet.mincount', '1');
      for (const facet of facets) params.append('facet.field', facet);
    } else {
      params.set('facet', 'false');
    }
  }

  if (request.spellcheck) {
    params.set('spellcheck', 'true');
    params.set('spellcheck.q', request.spellcheck);
    params.set('spellcheck.collate', 'true');
  } else {
    params.set('spellcheck', 'false');
  }
  return params;
}

/** Parameters of one /hzd/suggest request (completions of `prefix`). */
export function suggestParams(prefix: string, count: number): URLSearchParams {
  const params = new URLSearchParams();
  params.set('suggest.q', prefix);
  params.set('suggest.count', String(count));
  params.set('wt', 'json');
  return params;
}
