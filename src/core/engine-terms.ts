/**
 * Direct look-ups in MiniSearch's term tree. MiniSearch keeps its terms in a SearchableMap
 * (`_index`) but exposes no method to ask "is this term indexed?" or "which terms are near this
 * one?". Reading the tree is far cheaper than a search that scores every matching document, and
 * reusing it avoids bundling a second copy of SearchableMap. The dependency is pinned to a minor
 * version, and test/node/engine-terms.test.ts fails if these internals change.
 */
import type MiniSearch from 'minisearch';

interface TermTree {
  has(term: string): boolean;
  fuzzyGet(term: string, maxDistance: number): Map<string, [unknown, number]>;
}

function termTree(engine: MiniSearch<never> | MiniSearch<unknown>): TermTree {
  const tree = (engine as unknown as { _index?: TermTree })._index;
  if (!tree || typeof tree.has !== 'function' || typeof tree.fuzzyGet !== 'function') {
    throw new Error('Unsupported MiniSearch version: its term tree is not available.');
  }
  return tree;
}

/** Whether `term` is an index term. */
export function hasTerm(engine: MiniSearch<never> | MiniSearch<unknown>, term: string): boolean {
  return termTree(engine).has(term);
}

/** Index terms within `maxDistance` edits of `term`, with their distance. */
export function termsNear(
  engine: MiniSearch<never> | MiniSearch<unknown>,
  term: string,
  maxDistance: number,
): [term: string, distance: number][] {
  return [...termTree(engine).fuzzyGet(term, maxDistance)].map(([found, [, distance]]) => [
    found,
    distance,
  ]);
}
