/**
 * Turns text plus match ranges into Lit template parts: plain strings and `<mark>` elements.
 * Lit renders strings as text nodes, so content from an index is never parsed as HTML.
 */
import { html, type TemplateResult } from 'lit';
import type { MatchRange } from '../../core/types.js';
import { withoutBidiControls } from '../../core/text.js';

/**
 * Sorted, non-overlapping ranges inside `text`. Ranges come from an index file, which may come
 * from anywhere: anything out of bounds, inverted or not an integer is dropped or clamped.
 */
export function normalizeRanges(
  text: string,
  ranges: readonly unknown[] | undefined,
): MatchRange[] {
  const clean: MatchRange[] = [];
  for (const range of ranges ?? []) {
    if (!Array.isArray(range)) continue;
    const [start, end] = range as unknown[];
    if (!Number.isInteger(start) || !Number.isInteger(end)) continue;
    const from = Math.max(0, start as number);
    const to = Math.min(text.length, end as number);
    if (to > from) clean.push([from, to]);
  }
  clean.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: MatchRange[] = [];
  for (const range of clean) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** Integer positions strictly inside `text`, sorted and unique; anything else is dropped. */
function normalizeBreaks(text: string, breaks: readonly unknown[] | undefined): number[] {
  const valid = (breaks ?? []).filter(
    (position): position is number =>
      Number.isInteger(position) && (position as number) > 0 && (position as number) < text.length,
  );
  return [...new Set(valid)].sort((a, b) => a - b);
}

/**
 * `text[from, to)` for display: with a soft hyphen at each break (a line may end there with a
 * hyphen, instead of in the middle of a syllable), and without bidirectional controls, which
 * would reorder the rest of the card.
 */
function piece(text: string, from: number, to: number, breaks: readonly number[]): string {
  let out = '';
  let position = from;
  for (const at of breaks) {
    if (at < from || at >= to) continue;
    out += `${text.slice(position, at)}\u00ad`;
    position = at;
  }
  return withoutBidiControls(out + text.slice(position, to));
}

/**
 * Template parts for `text` with its matched `ranges` in `<mark>`, and soft hyphens at `breaks`
 * (positions where a long word may be broken, such as the joints of a compound).
 */
export function highlight(
  text: string,
  ranges: readonly unknown[] | undefined,
  breaks?: readonly unknown[],
): Array<string | TemplateResult> {
  const cuts = normalizeBreaks(text, breaks);
  const parts: Array<string | TemplateResult> = [];
  let position = 0;
  for (const [start, end] of normalizeRanges(text, ranges)) {
    if (start > position) parts.push(piece(text, position, start, cuts));
    parts.push(html`<mark part="mark">${piece(text, start, end, cuts)}</mark>`);
    position = end;
  }
  if (position < text.length) parts.push(piece(text, position, text.length, cuts));
  return parts;
}
