/**
 * npm run eval: MRR and recall@3 of the relevance set, overall and per kind of query, and the
 * queries that miss rank 1.
 */
import { evaluate, meanReciprocalRank, readQueries, recallAt, shippedIndex } from './relevance.js';

const outcomes = evaluate(shippedIndex(), readQueries());
const kinds = [...new Set(outcomes.map((o) => o.kind))].sort();
const row = (label: string, subset: typeof outcomes) =>
  `| ${label} | ${subset.length} | ${meanReciprocalRank(subset).toFixed(3)} | ${recallAt(subset, 3).toFixed(3)} | ${recallAt(subset, 1).toFixed(3)} |`;

console.log('| kind | queries | MRR | recall@3 | recall@1 |');
console.log('|---|---:|---:|---:|---:|');
for (const kind of kinds)
  console.log(
    row(
      kind,
      outcomes.filter((o) => o.kind === kind),
    ),
  );
console.log(row('**all**', outcomes));

const misses = outcomes.filter((o) => o.rank !== 1);
if (misses.length) {
  console.log('\nNot at rank 1:');
  for (const o of misses)
    console.log(
      `- "${o.query}" (${o.kind}): expected ${o.expected} at ${o.rank ?? '–'}; got ${o.top.slice(0, 3).join(', ')}`,
    );
}
