import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  evaluate,
  meanReciprocalRank,
  readQueries,
  readShippedDocuments,
  recallAt,
  shippedIndex,
} from '../eval/relevance.js';

const index = shippedIndex();
const queries = readQueries();
const items = readShippedDocuments().map((doc) => doc['id'] as string);

describe('relevance on the shipped content', () => {
  it('has a relevance set of at least 80 queries covering every item', () => {
    assert.ok(queries.length >= 80, `${queries.length} queries`);
    for (const id of items)
      assert.ok(
        queries.some((q) => q.expected === id),
        id,
      );
  });

  for (const id of items) {
    it(`finds ${id} at rank 1 by its name, its abbreviation and its main topic`, () => {
      const primary = queries.filter((q) => q.expected === id && q.primary);
      assert.deepEqual(primary.map((q) => q.kind).sort(), ['abbreviation', 'name', 'topic']);
      for (const outcome of evaluate(index, primary)) {
        assert.equal(outcome.rank, 1, `"${outcome.query}" gave ${outcome.top.join(', ')}`);
      }
    });
  }

  it('keeps MRR and recall@3 high on the whole set', () => {
    const outcomes = evaluate(index, queries);
    assert.ok(meanReciprocalRank(outcomes) >= 0.95, `MRR ${meanReciprocalRank(outcomes)}`);
    assert.ok(recallAt(outcomes, 3) >= 0.97, `recall@3 ${recallAt(outcomes, 3)}`);
  });
});
