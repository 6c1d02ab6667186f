/**
 * The sections of a hit's page that match the query, as sub-results under the page (as
 * Pagefind shows them): at most three, best first, each with its heading's matches and a
 * snippet of its own text. A hit stays the page; sections only say where on it to look.
 *
 * A section's score is the weight of the query words it has (their IDF: more and rarer words
 * count more), a word in its heading counting as much more as a heading counts over the body in
 * ranking. Equal scores keep the page's order.
 */
import { FIELD_BOOSTS } from './engine.js';
import { findKeyMatches, makeSnippet, type KeyMatch } from './snippet.js';
import type { SectionHit, Snippet, StoredDocument, StoredSection } from './types.js';

export const MAX_SECTION_HITS = 3;
const HEADING_WEIGHT = FIELD_BOOSTS.headings / FIELD_BOOSTS.body;

/** A matched query word: the keys the hit's document has for it, and its weight (IDF). */
export interface MatchedWord {
  keys: ReadonlySet<string>;
  weight: number;
}

export interface SectionMatches {
  sections: SectionHit[];
  /** The snippet of the best section with matches in its text, if any. */
  bestSnippet?: Snippet;
}

/** The text a section's snippet is cut from. */
export function sectionText(doc: StoredDocument, section: StoredSection): string {
  if (section.text !== undefined) return section.text;
  return section.span ? doc.text.slice(section.span[0], section.span[1]) : '';
}

/** The page's URL with `#anchor` (replacing a fragment it has). */
function sectionUrl(url: string, anchor: string): string {
  const hash = url.indexOf('#');
  return `${hash < 0 ? url : url.slice(0, hash)}#${anchor}`;
}

function wordsIn(matches: readonly KeyMatch[], words: readonly MatchedWord[]): Set<number> {
  const found = new Set<number>();
  for (const { key } of matches) {
    words.forEach((word, i) => {
      if (word.keys.has(key)) found.add(i);
    });
  }
  return found;
}

/** The best sections of `doc` for the matched `words` (`keys`: all their keys). */
export function sectionMatches(
  doc: StoredDocument,
  words: readonly MatchedWord[],
  keys: ReadonlySet<string>,
): SectionMatches {
  const scored: {
    section: StoredSection;
    title: KeyMatch[];
    text: string;
    inText: KeyMatch[];
    score: number;
    order: number;
  }[] = [];
  (doc.sections ?? []).forEach((section, order) => {
    const title = findKeyMatches(section.title, keys);
    const text = sectionText(doc, section);
    const inText = findKeyMatches(text, keys);
    if (!title.length && !inText.length) return;
    const inTitle = wordsIn(title, words);
    let score = 0;
    for (const i of new Set([...inTitle, ...wordsIn(inText, words)])) {
      score += words[i]!.weight * (inTitle.has(i) ? HEADING_WEIGHT : 1);
    }
    scored.push({ section, title, text, inText, score, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  // Snippets only for the sections shown.
  const snippetOf = (entry: (typeof scored)[number]): Snippet =>
    makeSnippet(
      entry.text,
      entry.inText.map((match) => match.range),
    );
  const result: SectionMatches = {
    sections: scored.slice(0, MAX_SECTION_HITS).map((entry): SectionHit => ({
      anchor: entry.section.anchor,
      title: entry.section.title,
      url: sectionUrl(doc.url, entry.section.anchor),
      titleMatches: entry.title.map((match) => match.range),
      snippet: snippetOf(entry),
    })),
  };
  const best = scored.find((entry) => entry.inText.length > 0);
  if (best) result.bestSnippet = snippetOf(best);
  return result;
}
