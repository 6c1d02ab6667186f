/**
 * What the index keeps of a page's sections for section hits (see StoredSection).
 *
 * Every heading (anchor and title) is kept: a section whose heading matches is the most useful
 * link, and headings are short. The text for a section's snippet is bounded per document, so a
 * site with long, deeply structured pages does not balloon the index:
 *
 * - text that lies in the document's stored `text` already (the beginning of the body, where
 *   most sections of a short page are) is kept as a range of it, at no cost;
 * - the other sections share a budget of as many characters as the stored body text
 *   (`storedTextLength`, the CLI's `--snippet-text`): each gets an equal share, and what a short
 *   section leaves of its share goes to the longer ones. A snippet shows about 180 characters
 *   around the first matches, and section texts start where their topic starts, so the first
 *   few hundred characters of each serve best. `--snippet-text 0` keeps headings only.
 *
 * So a document holds at most twice its stored text plus its headings.
 */
import type { SearchDocument, StoredSection } from '../types.js';
import { cutText } from '../text.js';
import { plainText } from './document-fields.js';

type Section = NonNullable<SearchDocument['sections']>[number];

/** `text` cut to at most `max` characters, at the end of a word where there is one. */
function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = cutText(text, max);
  const space = cut.search(/\s\S*$/);
  return (space > max / 2 ? cut.slice(0, space) : cut).trimEnd();
}

/**
 * The sections of a document as stored: `storedText` is the document's stored body text,
 * `budget` the characters of section text kept beyond it.
 */
export function storedSections(
  sections: readonly Section[],
  storedText: string,
  budget: number,
): StoredSection[] {
  const stored: StoredSection[] = [];
  const own: { section: StoredSection; text: string }[] = [];
  for (const { anchor, title, text } of sections) {
    const entry: StoredSection = { anchor, title };
    const plain = plainText(text);
    const at = plain ? storedText.indexOf(plain) : -1;
    if (at >= 0) entry.span = [at, at + plain.length];
    else if (plain) own.push({ section: entry, text: plain });
    stored.push(entry);
  }
  // Equal shares; what a shorter section does not use goes to the longer ones.
  let left = Math.max(0, Math.floor(budget));
  const byLength = [...own].sort((a, b) => a.text.length - b.text.length);
  byLength.forEach(({ section, text }, i) => {
    const share = Math.floor(left / (byLength.length - i));
    const kept = cutAtWord(text, share);
    if (kept) section.text = kept;
    left -= kept.length;
  });
  return stored;
}
