/**
 * Turns text plus match ranges into Lit template parts: plain strings and `<mark>` elements.
 * Lit renders strings as text nodes, so content from an index is never parsed as HTML.
 */
import { html, type TemplateResult } from 'lit';
import type { MatchRange } from '../../core/index.js';

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

export function highlight(
  text: string,
  ranges: readonly unknown[] | undefined,
): Array<string | TemplateResult> {
  const parts: Array<string | TemplateResult> = [];
  let position = 0;
  for (const [start, end] of normalizeRanges(text, ranges)) {
    if (start > position) parts.push(text.slice(position, start));
    parts.push(html`<mark part="mark">${text.slice(start, end)}</mark>`);
    position = end;
  }
  if (position < text.length) parts.push(text.slice(position));
  return parts;
}
