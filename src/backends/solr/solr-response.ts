/**
 * Reads Solr 9's JSON answers (wt=json) into the library's result types. Solr is a server the
 * page does not control: every field is checked, a missing optional field is left out, and an
 * answer without the parts a search needs is `malformed`, never a half-filled result.
 */
import { SearchSourceError } from '../../core/errors.js';
import { cleanText } from '../../core/text.js';
import type { MatchRange, SearchHit, Snippet } from '../../core/types.js';
import { SOLR_FILTER_FIELD_PREFIX, SOLR_SUGGESTER } from './solr-fields.js';
import { rangesIn, snippetOf } from './solr-highlight.js';
import { wordField, type QueryTerm } from './solr-query.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function malformed(detail: string): SearchSourceError {
  return new SearchSourceError(
    'malformed',
    `Solr's answer is not what SolrSource expects (${detail}). Check that the URL is the collection's and that it uses the hzd-de configset.`,
  );
}

/** A stored single value: Solr returns it as a string, or as a one-element array. */
function text(value: unknown): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  return typeof single === 'string' ? cleanText(single) : undefined;
}

/** A stored multi-valued field: an array of strings (or a single string). */
function texts(value: unknown): string[] | undefined {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const strings = list.filter((item): item is string => typeof item === 'string').map(cleanText);
  return strings.length ? strings : undefined;
}

/** The first highlighted fragment of `field`, if Solr returned one. */
function fragment(highlights: Json | undefined, field: string): string | undefined {
  const value = highlights?.[field];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first ? cleanText(first) : undefined;
}

function hasMatch(fragmentText: string | undefined): boolean {
  return !!fragmentText && snippetOf(fragmentText).matches.length > 0;
}

/**
 * The snippet: the body's fragment where it holds a match, else the summary's, else whatever
 * the highlighter gave (the beginning of the body, `hl.defaultSummary`), else the summary.
 */
function snippet(highlights: Json | undefined, summary: string): Snippet {
  const body = fragment(highlights, 'body');
  const summaryFragment = fragment(highlights, 'summary');
  if (body && hasMatch(body)) return snippetOf(body);
  if (summaryFragment && hasMatch(summaryFragment)) {
    return { text: summary, matches: rangesIn(summary, summaryFragment) };
  }
  if (body) return snippetOf(body);
  return { text: summary, matches: [] };
}

/** Words of the query a hit does not hold: those whose pseudo-field scored 0 (or is absent). */
function missing(doc: Json, words: readonly QueryTerm[] | undefined): string[] | undefined {
  if (!words) return undefined;
  const absent = words.filter((_, i) => {
    const score = doc[wordField(i)];
    return !(typeof score === 'number' && score > 0);
  });
  return absent.length ? absent.map((word) => word.text) : undefined;
}

function hitOf(doc: Json, highlights: Json | undefined, words?: readonly QueryTerm[]): SearchHit {
  const id = text(doc.id)!;
  const url = text(doc.url)!;
  const title = text(doc.title) ?? url;
  const summary = text(doc.summary) ?? '';
  const titleMatches: MatchRange[] = rangesIn(title, fragment(highlights, 'title'));
  const hit: SearchHit = {
    id,
    title,
    url,
    summary,
    score: typeof doc.score === 'number' && Number.isFinite(doc.score) ? doc.score : 0,
    titleMatches,
    snippet: snippet(highlights, summary),
  };
  const category = text(doc.category);
  if (category) hit.category = category;
  const type = text(doc.type);
  if (type) hit.type = type;
  const updated = text(doc.updated);
  if (updated) hit.updated = updated;
  const lang = text(doc.lang);
  if (lang) hit.lang = lang;
  const levels = texts(doc.levels);
  if (levels) hit.levels = levels;
  const partners = texts(doc.partners);
  if (partners) hit.partners = partners;
  const filters: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (!key.startsWith(SOLR_FILTER_FIELD_PREFIX)) continue;
    const values = texts(value);
    if (values) filters[key.slice(SOLR_FILTER_FIELD_PREFIX.length)] = values;
  }
  if (Object.keys(filters).length) hit.filters = filters;
  const absent = missing(doc, words);
  if (absent) hit.missingWords = absent;
  return hit;
}

/** Value → count from a facet field, in Solr's flat (`[v, n, …]`) or map (`{v: n}`) form. */
function counts(value: unknown): Record<string, number> {
  const result: Record<string, number> = {};
  const pairs: [unknown, unknown][] = Array.isArray(value)
    ? Array.from({ length: Math.floor(value.length / 2) }, (_, i) => [
        value[2 * i],
        value[2 * i + 1],
      ])
    : isObject(value)
      ? Object.entries(value)
      : [];
  for (const [key, count] of pairs) {
    if (typeof key === 'string' && typeof count === 'number' && count > 0) result[key] = count;
  }
  return result;
}

export interface SelectAnswer {
  total: number;
  hits: SearchHit[];
  facets?: Record<string, Record<string, number>>;
  /** The best spellcheck collation, if Solr found the query misspelt. */
  collation?: string;
}

/** A collation in any of Solr's forms: a string, or `{ collationQuery }` (extended results). */
function collationOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isObject(value) && typeof value.collationQuery === 'string') return value.collationQuery;
  return undefined;
}

function firstCollation(spellcheck: unknown): string | undefined {
  if (!isObject(spellcheck)) return undefined;
  const collations = spellcheck.collations;
  if (Array.isArray(collations)) {
    // Flat: ["collation", c1, "collation", c2 …].
    for (let i = 0; i + 1 < collations.length; i += 2) {
      if (collations[i] === 'collation') {
        const found = collationOf(collations[i + 1]);
        if (found) return found;
      }
    }
    return undefined;
  }
  if (isObject(collations)) return collationOf(collations.collation);
  return undefined;
}

/** Reads a /hzd/select answer. `words`: read each hit's per-word pseudo-fields. */
export function parseSelect(
  body: unknown,
  facetNames: readonly string[] | undefined,
  words?: readonly QueryTerm[],
): SelectAnswer {
  if (!isObject(body)) throw malformed('not a JSON object');
  const response = body.response;
  if (!isObject(response)) throw malformed('no "response"');
  const { numFound, docs } = response;
  if (typeof numFound !== 'number' || !Number.isFinite(numFound) || numFound < 0) {
    throw malformed('"response.numFound" is not a count');
  }
  if (!Array.isArray(docs)) throw malformed('"response.docs" is not a list');
  const highlighting = isObject(body.highlighting) ? body.highlighting : {};
  const hits: SearchHit[] = [];
  for (const doc of docs) {
    // A document without an id or a URL cannot be shown as a link: left out.
    if (!isObject(doc) || !text(doc.id) || !text(doc.url)) continue;
    const highlights = highlighting[text(doc.id)!];
    hits.push(hitOf(doc, isObject(highlights) ? highlights : undefined, words));
  }
  const answer: SelectAnswer = { total: numFound, hits };
  if (facetNames?.length) {
    const fields = isObject(body.facet_counts) ? body.facet_counts.facet_fields : undefined;
    const facets: Record<string, Record<string, number>> = {};
    for (const name of facetNames)
      facets[name] = counts(isObject(fields) ? fields[name] : undefined);
    answer.facets = facets;
  }
  const collation = firstCollation(body.spellcheck);
  if (collation) answer.collation = cleanText(collation);
  return answer;
}

/** Reads a /hzd/suggest answer: the suggested entries (titles and keywords), best first. */
export function parseSuggest(body: unknown): string[] {
  if (!isObject(body)) throw malformed('not a JSON object');
  const suggest = body.suggest;
  if (!isObject(suggest)) throw malformed('no "suggest"');
  const dictionary = suggest[SOLR_SUGGESTER];
  if (!isObject(dictionary)) throw malformed(`no suggester "${SOLR_SUGGESTER}"`);
  const terms: string[] = [];
  for (const entry of Object.values(dictionary)) {
    if (!isObject(entry) || !Array.isArray(entry.suggestions)) continue;
    for (const suggestion of entry.suggestions) {
      if (isObject(suggestion) && typeof suggestion.term === 'string') {
        terms.push(cleanText(suggestion.term));
      }
    }
  }
  return terms;
}

/** The message of Solr's error JSON (`{ error: { msg } }`), if the body is one. */
export function solrErrorMessage(body: unknown): string | undefined {
  if (!isObject(body) || !isObject(body.error)) return undefined;
  const message = body.error.msg;
  return typeof message === 'string' ? message : undefined;
}
