/**
 * The incremental builder behind `buildIndex`: documents added one at a time give the same index
 * as the array, and its errors are the array's.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildIndex, ContentError, IndexBuilder } from '../../src/core/index.js';

const now = () => new Date('2026-11-30T12:00:00Z');
const docs = [
  { id: 'a', title: 'Wohngeld beantragen', url: '/a', body: 'Der **Mietzuschuss** für Mieter.' },
  { id: 'b', title: 'Mietzuschuss', url: '/b', keywords: ['Wohngeld'], updated: '2026-10-01' },
  { id: 'c', title: 'Bauantrag', url: '/c', body: '# Bauen\n\nDer Bauantrag und Wohngeldanträge.' },
];

describe('IndexBuilder', () => {
  test('adding one at a time gives the same index as buildIndex', () => {
    const builder = new IndexBuilder({ now });
    for (const doc of docs) builder.add(doc);
    assert.equal(builder.size, 3);
    assert.equal(JSON.stringify(builder.finish()), JSON.stringify(buildIndex(docs, { now })));
  });

  test('a duplicate id, an empty input and a bad option are content errors', () => {
    const builder = new IndexBuilder();
    builder.add(docs[0]);
    assert.throws(() => builder.add({ ...docs[1], id: 'a' }), ContentError);
    assert.throws(() => new IndexBuilder().finish(), /No documents found/);
    assert.throws(() => new IndexBuilder({ dataDate: '2026-13-01' }), ContentError);
  });

  test('is spent after finish', () => {
    const builder = new IndexBuilder();
    builder.add(docs[0]);
    builder.finish();
    assert.throws(() => builder.add(docs[1]), /after finish/);
    assert.throws(() => builder.finish(), /twice/);
  });

  test("keeps no raw body and leaves the caller's documents alone", () => {
    const input = { ...docs[0]! };
    const builder = new IndexBuilder({ now });
    builder.add(input);
    assert.equal(input.body, docs[0]!.body);
    assert.equal(builder.finish().documents[0]!.text, 'Der Mietzuschuss für Mieter.');
  });
});
