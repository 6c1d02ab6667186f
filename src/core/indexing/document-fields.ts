/**
 * The text of each indexed field of a document, as the builder reads it: Markdown markup is
 * removed from the body so it reaches neither the index nor the snippets.
 */
import type { FieldName } from '../engine.js';
import type { SearchDocument } from '../types.js';

/** Markdown markup that should not reach snippets or the index. */
export function plainText(markdown: string): string {
  return (
    markdown
      .replace(/```[\s\S]*?```/g, ' ')
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
      // Emphasis and code marks around words, not inside them ("Bürger*innen" stays).
      .replace(/(^|[\s([])[*_`]{1,3}(?=\S)/g, '$1')
      .replace(/(?<=\S)[*_`]{1,3}(?=$|[\s.,;:!?)\]])/gm, '')
      .replace(/[ \t]+/g, ' ')
      .replace(/\s*\n\s*/g, '\n')
      .trim()
  );
}

export type FieldTexts = Record<FieldName, string>;

/** One line per list item, so words of two items never run together into a pair. */
export function documentFields(doc: SearchDocument): FieldTexts {
  return {
    title: doc.title,
    keywords: (doc.keywords ?? []).join('\n'),
    headings: (doc.headings ?? []).join('\n'),
    summary: doc.summary ?? '',
    body: plainText(doc.body ?? ''),
    meta: [doc.category, ...(doc.partners ?? []), ...(doc.levels ?? [])].filter(Boolean).join('\n'),
  };
}
