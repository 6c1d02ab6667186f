/**
 * Relevance evaluation on the shipped content: builds the index from data/ and runs every query
 * of queries.json. Shared by `npm run eval` (prints the figures) and the Node test (asserts them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildIndex, loadIndex, type SearchIndex } from '../../src/core/index.js';

export interface RelevanceQuery {
  query: string;
  expected: string;
  kind: string;
  primary?: boolean;
}

export interface QueryOutcome extends RelevanceQuery {
  /** 1-based rank of the expected document, or null if not in the first 10. */
  rank: number | null;
  top: string[];
}

const root = join(import.meta.dirname, '..', '..');

/** Reads data/*.md the simple way (front matter + body); the CLI has the full reader. */
export function readShippedDocuments(): Record<string, unknown>[] {
  const folder = join(root, 'data');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(folder, name), 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${name}: no front matter`);
      return { ...(parse(match[1]!) as Record<string, unknown>), body: match[2] };
    });
}

export function readQueries(): RelevanceQuery[] {
  return JSON.parse(
    readFileSync(join(root, 'test', 'eval', 'queries.json'), 'utf8'),
  ) as RelevanceQuery[];
}

export function shippedIndex(): SearchIndex {
  return loadIndex(JSON.parse(JSON.stringify(buildIndex(readShippedDocuments()))));
}

/** Runs the queries as submitted searches (the visitor pressed Enter). */
export function evaluate(index: SearchIndex, queries: RelevanceQuery[]): QueryOutcome[] {
  return queries.map((query) => {
    const top = index
      .search(query.query, { limit: 10, prefix: query.kind === 'prefix' })
      .hits.map((hit) => hit.id);
    const position = top.indexOf(query.expected);
    return { ...query, rank: position < 0 ? null : position + 1, top };
  });
}

export function meanReciprocalRank(outcomes: QueryOutcome[]): number {
  return outcomes.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0) / outcomes.length;
}

export function recallAt(outcomes: QueryOutcome[], k: number): number {
  return outcomes.filter((o) => o.rank !== null && o.rank <= k).length / outcomes.length;
}
