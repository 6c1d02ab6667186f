/**
 * The document record's fields for sections and filters (headings, sections, type, filters):
 * what validation keeps, cleans and refuses, with the field named.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ContentError, validateDocument } from '../../src/core/index.js';

const base = { id: 'a', title: 'A', url: '/a' };

function refusal(input: Record<string, unknown>): ContentError {
  try {
    validateDocument({ ...base, ...input });
  } catch (error) {
    assert.ok(error instanceof ContentError, String(error));
    return error;
  }
  assert.fail('expected a ContentError');
}

describe('document fields for sections and filters', () => {
  test('are kept, cleaned and trimmed', () => {
    const doc = validateDocument({
      ...base,
      headings: ['  Antrag  stellen ', '', 'Fristen\u0007'],
      sections: [{ anchor: 'antrag-stellen', title: ' Antrag stellen ', text: 'So geht es.' }],
      type: ' PDF ',
      filters: { zielgruppe: ['Bürger', ' Bürger', 'Unternehmen', ''], thema: 'Wohnen' },
    });
    assert.deepEqual(doc.headings, ['Antrag stellen', 'Fristen']);
    assert.deepEqual(doc.sections, [
      { anchor: 'antrag-stellen', title: 'Antrag stellen', text: 'So geht es.' },
    ]);
    assert.equal(doc.type, 'PDF');
    assert.deepEqual(doc.filters, { zielgruppe: ['Bürger', 'Unternehmen'], thema: ['Wohnen'] });
  });

  test('are left out when empty', () => {
    const doc = validateDocument({ ...base, headings: [], sections: [], filters: { x: [] } });
    assert.equal('headings' in doc, false);
    assert.equal('sections' in doc, false);
    assert.equal('filters' in doc, false);
  });

  test('a section without text keeps an empty text', () => {
    const doc = validateDocument({ ...base, sections: [{ anchor: 'kontakt', title: 'Kontakt' }] });
    assert.deepEqual(doc.sections, [{ anchor: 'kontakt', title: 'Kontakt', text: '' }]);
  });

  test('wrong shapes are refused naming the field', () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ headings: 'Eins, Zwei' }, 'headings', /"headings" must be a list of texts/],
      [{ sections: { anchor: 'a' } }, 'sections', /must be a list/],
      [{ sections: [{ anchor: 'mit leerzeichen', title: 'T' }] }, 'sections', /\[0\]: "anchor"/],
      [{ sections: [{ anchor: '#a', title: 'T' }] }, 'sections', /"anchor" must be the id/],
      [{ sections: [{ anchor: 'a', title: ' ' }] }, 'sections', /"title" must be a non-empty/],
      [{ sections: [{ anchor: 'a', title: 'T', text: 3 }] }, 'sections', /"text" must be text/],
      [{ type: ['PDF'] }, 'type', /"type" must be text/],
      [{ filters: ['Formular'] }, 'filters', /must map filter names/],
      [{ filters: { '1x': ['a'] } }, 'filters', /filter name "1x" must start with a letter/],
      [{ filters: { __proto__x: ['a'] } }, 'filters', /must start with a letter/],
      [{ filters: { thema: [1] } }, 'filters', /filter "thema" must be a text or a list/],
    ];
    for (const [input, field, pattern] of cases) {
      const error = refusal(input);
      assert.equal(error.location.field, field, JSON.stringify(input));
      assert.match(error.message, pattern);
    }
  });

  test('a filter named __proto__ cannot reach the prototype', () => {
    const filters = JSON.parse('{"__proto__": ["x"], "thema": ["Wohnen"]}') as object;
    const error = refusal({ filters });
    assert.match(error.message, /"__proto__"/);
    assert.equal(({} as Record<string, unknown>)['x'], undefined);
  });
});
