/**
 * Finds where index terms occur in a display text and cuts a snippet around them. Ranges always
 * refer to the original characters, so the card can mark "Wohngeldberechnung" for the query
 * "wohngelt" and "berechnung" inside it for the query "berechnung".
 */
import { foldWithOffsets } from './analysis/fold.js';
import { analysedText } from './analysed-text.js';
import type { MatchRange, Snippet } from './types.js';

/** Keys this short are only marked as whole words, never inside a compound. */
const MIN_INNER_MATCH = 5;
const SNIPPET_LENGTH = 180;
const CONTEXT_BEFORE = 40;

/** A matched range of a text and the index key it matched. */
export interface KeyMatch {
  range: MatchRange;
  key: string;
}

/**
 * Ranges of `text` whose words produce one of the matched index `keys`: as a whole word (any of
 * its exact, folded or stem keys), as a part inside a compound, or as two neighbouring words that
 * were matched joined ("Mind Map" for "mindmap").
 */
export function findMatches(text: string, keys: ReadonlySet<string>): MatchRange[] {
  return findKeyMatches(text, keys).map((match) => match.range);
}

/** Like `findMatches`, with the key each range matched (to tell which query words a text has). */
export function findKeyMatches(text: string, keys: ReadonlySet<string>): KeyMatch[] {
  if (keys.size === 0 || !text) return [];
  const innerKeys = [...keys].filter((key) => key.length >= MIN_INNER_MATCH);
  const matches: KeyMatch[] = [];
  const parts = analysedText(text);
  let previous: { folded: string; start: number; end: number } | undefined;
  for (let i = 0; i < parts.keys.length; i++) {
    const analysed = parts.keys[i];
    if (!analysed) {
      previous = undefined;
      continue;
    }
    const start = parts.starts[i]!;
    const end = parts.ends[i]!;
    const whole = keys.has(analysed.exact)
      ? analysed.exact
      : keys.has(analysed.folded)
        ? analysed.folded
        : keys.has(analysed.stem)
          ? analysed.stem
          : undefined;
    if (previous && keys.has(previous.folded + analysed.folded)) {
      const key = previous.folded + analysed.folded;
      matches.push({ range: [previous.start, previous.end], key }, { range: [start, end], key });
    } else if (whole !== undefined) {
      matches.push({ range: [start, end], key: whole });
    } else {
      // The folded part is `analysed.folded`; its offsets are only worked out for a match.
      const key = innerKeys.find((inner) => analysed.folded.includes(inner));
      if (key !== undefined) {
        const { folded, offsets } = foldWithOffsets(text.slice(start, end));
        const at = folded.indexOf(key);
        matches.push({
          range: [start + offsets[at]!, start + offsets[at + key.length - 1]! + 1],
          key,
        });
      }
    }
    previous = { folded: analysed.folded, start, end };
  }
  return matches;
}

/** Moves `index` back to the start of the word it is in. */
function wordStart(text: string, index: number): number {
  let i = Math.max(0, index);
  while (i > 0 && !/\s/.test(text[i - 1]!)) i--;
  return i;
}

/** Moves `index` forward to the end of the word it is in. */
function wordEnd(text: string, index: number): number {
  let i = Math.min(text.length, index);
  while (i < text.length && !/\s/.test(text[i]!)) i++;
  return i;
}

/**
 * A window of about `length` characters around the densest group of matches, cut at word
 * boundaries, with "…" where text was left out. Without matches, the beginning of the text.
 */
export function makeSnippet(text: string, matches: MatchRange[], length = SNIPPET_LENGTH): Snippet {
  if (text.length <= length) return { text, matches };
  let bestFirst = 0;
  let bestCount = 0;
  for (let i = 0; i < matches.length; i++) {
    let count = 0;
    for (
      let j = i;
      j < matches.length && matches[j]![1] <= matches[i]![0] + length - CONTEXT_BEFORE;
      j++
    ) {
      count++;
    }
    if (count > bestCount) {
      bestCount = count;
      bestFirst = i;
    }
  }
  const anchor = matches.length ? matches[bestFirst]![0] : 0;
  const start = anchor <= CONTEXT_BEFORE ? 0 : wordStart(text, anchor - CONTEXT_BEFORE);
  let end = wordEnd(text, start + length);
  if (end - start > length + 30) end = start + length;
  const prefix = start > 0 ? '… ' : '';
  const suffix = end < text.length ? ' …' : '';
  const shift = prefix.length - start;
  const inWindow = matches
    .filter(([from, to]) => from >= start && to <= end)
    .map(([from, to]): MatchRange => [from + shift, to + shift]);
  return { text: `${prefix}${text.slice(start, end).trim()}${suffix}`, matches: inWindow };
}
