/**
 * Turns Solr's highlighted fragments into plain text with match ranges. The configset's
 * unified highlighter wraps matched words in two private-use characters (SOLR_HIGHLIGHT_MARKERS)
 * instead of HTML tags, and encodes nothing: the fragment without the markers is the stored
 * text itself, character for character. Nothing from Solr is ever parsed as HTML; `<img
 * onerror>` in a title stays these eleven characters.
 */
import type { MatchRange, Snippet } from '../../core/types.js';
import { SOLR_HIGHLIGHT_MARKERS } from './solr-fields.js';

const { pre: PRE, post: POST } = SOLR_HIGHLIGHT_MARKERS;

/**
 * `fragment` without the markers, and the ranges they enclosed (UTF-16 offsets, as JavaScript
 * strings count). Unbalanced markers are tolerated: an open range ends at the end, a stray
 * closing marker is dropped. Empty ranges (a marker pair around nothing) are left out.
 */
export function parseHighlight(fragment: string): Snippet {
  let text = '';
  const matches: MatchRange[] = [];
  let open: number | undefined;
  let from = 0;
  for (let i = 0; i < fragment.length; i++) {
    const char = fragment[i];
    if (char !== PRE && char !== POST) continue;
    text += fragment.slice(from, i);
    from = i + 1;
    if (char === PRE) {
      open ??= text.length;
    } else if (open !== undefined) {
      if (text.length > open) matches.push([open, text.length]);
      open = undefined;
    }
  }
  text += fragment.slice(from);
  if (open !== undefined && text.length > open) matches.push([open, text.length]);
  return { text, matches: mergeRanges(matches) };
}

/** Touching ranges ("Wohn" + "geld" highlighted apart) become one mark. */
function mergeRanges(ranges: MatchRange[]): MatchRange[] {
  const merged: MatchRange[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * Ranges of a highlighted `fragment` in `original` (a stored field): where the text is the
 * whole field, as is; where it is a piece of it, moved to where the piece is. If the fragment is
 * not in the original (another value of a multi-valued field, a different version), no ranges:
 * the original is shown as it is, unmarked, rather than marked in the wrong place.
 */
export function rangesIn(original: string, fragment: string | undefined): MatchRange[] {
  if (fragment === undefined) return [];
  const { text, matches } = parseHighlight(fragment);
  if (text === original) return matches;
  const at = text ? original.indexOf(text) : -1;
  if (at < 0) return [];
  return matches.map(([start, end]) => [start + at, end + at]);
}

/**
 * A highlighted fragment as a snippet: its text trimmed, the ranges moved with it. The fragment
 * is the stored text of a field (or a piece of it cut at sentence boundaries by the highlighter),
 * shown as Solr has it; nothing is added, since where in the body a piece starts is not known.
 */
export function snippetOf(fragment: string): Snippet {
  const parsed = parseHighlight(fragment);
  const text = parsed.text.trim();
  const lead = parsed.text.length - parsed.text.trimStart().length;
  const matches = parsed.matches
    .map(([start, end]): MatchRange => [
      Math.max(0, start - lead),
      Math.min(text.length, end - lead),
    ])
    .filter(([start, end]) => end > start);
  return { text, matches };
}
