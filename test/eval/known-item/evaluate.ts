/**
 * Runs a known-item set through several searches and reports MRR@10 and recall@3 per kind of
 * query, side by side, as a Markdown table.
 */
import { KIND_LABELS, KINDS, type Kind } from './query-kinds.js';
import type { RankedSearch } from './engines.js';
import type { KnownItemSet } from './targets.js';

export interface KnownItemQuery {
  query: string;
  expected: string;
  kind: Kind;
}

export function queriesOf(set: KnownItemSet): KnownItemQuery[] {
  return set.targets.flatMap((target) =>
    KINDS.filter((kind) => target.queries[kind] !== undefined).map((kind) => ({
      query: target.queries[kind]!,
      expected: target.expected,
      kind,
    })),
  );
}

/** 1-based rank of the expected id in each search's results, or null when not among them. */
export type Ranks = Map<string, (number | null)[]>;

export function rank(queries: readonly KnownItemQuery[], searches: readonly RankedSearch[]): Ranks {
  const ranks: Ranks = new Map();
  for (const search of searches)
    ranks.set(
      search.label,
      queries.map((q) => {
        const position = search.search(q.query).indexOf(q.expected);
        return position < 0 ? null : position + 1;
      }),
    );
  return ranks;
}

export function mrr(ranks: readonly (number | null)[]): number {
  return ranks.reduce<number>((sum, r) => sum + (r ? 1 / r : 0), 0) / Math.max(1, ranks.length);
}

export function recall(ranks: readonly (number | null)[], k: number): number {
  return ranks.filter((r) => r !== null && r <= k).length / Math.max(1, ranks.length);
}

export function reportTable(queries: readonly KnownItemQuery[], ranks: Ranks): string {
  const labels = [...ranks.keys()];
  const lines = [
    `| kind | queries | ${labels.map((l) => `MRR@10 ${l}`).join(' | ')} | ${labels.map((l) => `recall@3 ${l}`).join(' | ')} |`,
    `|---|---:|${labels.map(() => '---:').join('|')}|${labels.map(() => '---:').join('|')}|`,
  ];
  const row = (label: string, keep: (q: KnownItemQuery) => boolean) => {
    const picked = queries.map((q, i) => (keep(q) ? i : -1)).filter((i) => i >= 0);
    if (!picked.length) return;
    const of = (l: string) => picked.map((i) => ranks.get(l)![i]!);
    lines.push(
      `| ${label} | ${picked.length} | ${labels.map((l) => mrr(of(l)).toFixed(3)).join(' | ')} | ${labels.map((l) => recall(of(l), 3).toFixed(3)).join(' | ')} |`,
    );
  };
  for (const kind of KINDS) row(KIND_LABELS[kind], (q) => q.kind === kind);
  row('**all**', () => true);
  return lines.join('\n');
}
