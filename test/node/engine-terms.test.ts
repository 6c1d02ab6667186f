import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import MiniSearch from 'minisearch';
import { hasTerm, termsNear } from '../../src/core/engine-terms.js';

// Guards the MiniSearch internals the core reads (pinned minor version): if an update changes
// them, this fails before any search quietly degrades.
describe('MiniSearch term tree access', () => {
  const engine = new MiniSearch({ fields: ['text'] });
  engine.add({ id: 1, text: 'wohngeld antrag' });

  it('tells whether a term is indexed', () => {
    assert.equal(hasTerm(engine, 'wohngeld'), true);
    assert.equal(hasTerm(engine, 'wohngel'), false);
  });

  it('finds terms within an edit distance', () => {
    assert.deepEqual(termsNear(engine, 'wohngelt', 1), [['wohngeld', 1]]);
    assert.deepEqual(termsNear(engine, 'xyz', 1), []);
  });
});
