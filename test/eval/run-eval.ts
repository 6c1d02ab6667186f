/**
 * npm run eval:
 * 1. the hand-written relevance set on the shipped content (queries.json): MRR and recall@3 per
 *    kind, and the queries that miss rank 1;
 * 2. the known-item sets that the content did not shape (known-item/*-queries.json, see
 *    known-item/README.md): MRR@10 and recall@3 per kind of query, plain MiniSearch and ours
 *    side by side. A set whose corpus is missing is skipped with the reason.
 *
 *   npm run eval                 everything
 *   npm run eval -- shipped      only the shipped content
 *   npm run eval -- law|help     only that known-item set
 */
import { evaluate, meanReciprocalRank, readQueries, recallAt, shippedIndex } from './relevance.js';
import { ourSearch, plainMiniSearch } from './known-item/engines.js';
import { queriesOf, rank, reportTable } from './known-item/evaluate.js';
import { readQuerySet, SETS } from './known-item/sets.js';

const only = process.argv[2];

function log(message: string): void {
  process.stderr.write(`[eval] ${message}\n`);
}

function shippedReport(): void {
  const outcomes = evaluate(shippedIndex(), readQueries());
  const kinds = [...new Set(outcomes.map((o) => o.kind))].sort();
  const row = (label: string, subset: typeof outcomes) =>
    `| ${label} | ${subset.length} | ${meanReciprocalRank(subset).toFixed(3)} | ${recallAt(subset, 3).toFixed(3)} | ${recallAt(subset, 1).toFixed(3)} |`;

  console.log('## Shipped content (data/, queries.json)\n');
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
}

function knownItemReport(): void {
  for (const definition of SETS) {
    if (only && only !== definition.name) continue;
    console.log(`\n## Known-item set "${definition.name}"\n`);
    const docs = definition.load();
    if (typeof docs === 'string') {
      console.log(`Skipped: ${docs}`);
      continue;
    }
    const set = readQuerySet(definition);
    const ids = new Set(docs.map((doc) => doc.id));
    const absent = set.targets.filter((target) => !ids.has(target.expected));
    const queries = queriesOf(set).filter((q) => ids.has(q.expected));
    console.log(
      `${set.description}. ${docs.length} documents indexed; ${set.targets.length} targets drawn with seed ${set.seed} from ${set.eligible} eligible, at most ${set.perKind} per kind; ${queries.length} queries.`,
    );
    if (absent.length)
      console.log(
        `\n**${absent.length} targets are not in the corpus** (a changed corpus or package version?); their queries are left out: ${absent
          .slice(0, 5)
          .map((t) => t.expected)
          .join(', ')}${absent.length > 5 ? ', …' : ''}`,
      );
    log(`${definition.name}: building plain MiniSearch and ours on ${docs.length} documents …`);
    const searches = [plainMiniSearch(docs), ...ourSearch(docs)];
    log(`${definition.name}: running ${queries.length} queries × ${searches.length} searches …`);
    const started = performance.now();
    const ranks = rank(queries, searches);
    log(`${definition.name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    console.log('');
    console.log(reportTable(queries, ranks));
  }
  console.log(
    '\nplain MiniSearch: fields title, keywords, body; all other options MiniSearch defaults; search `{ prefix: true, fuzzy: 0.2 }`. ours: `buildIndex` defaults, `search(q, { prefix: false })` (submitted) and `{ prefix: true }` (while typing). A hit is the target id among the first 10 results.',
  );
}

if (!only || only === 'shipped') shippedReport();
if (only !== 'shipped') knownItemReport();
