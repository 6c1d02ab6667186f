/**
 * Where long words in a title may break across lines. Browsers hyphenate German only where they
 * have a dictionary for it (Chromium on Linux and Windows has none), and a word like
 * "Aufenthaltsüberwachungsverfahren" is wider than a phone at 320 px. Without a break point it
 * overflows or is cut mid-syllable; the joints of its parts are where a reader expects the
 * hyphen: "Aufenthalts-überwachungs-verfahren". The compound splitter of the build knows them.
 */
import { foldWithOffsets } from './fold.js';
import type { CompoundSplitter } from './decompound.js';
import { tokenize } from './tokenize.js';

/** Shorter words fit on a line anyway. */
const MIN_BREAKABLE_LENGTH = 12;
/** No piece shorter than this before or after a break ("Wo-hngeld" helps nobody). */
const MIN_PIECE = 3;

/** Positions in `text` (sorted) before which a soft hyphen may go. */
export function wordBreaks(text: string, splitter: CompoundSplitter): number[] {
  const breaks = new Set<number>();
  for (const word of tokenize(text)) {
    for (const part of word.parts) {
      if (part.text.length < MIN_BREAKABLE_LENGTH) continue;
      const { folded, offsets } = foldWithOffsets(part.text);
      for (const piece of splitter.split(folded)) {
        // Parts are found again in the word: the joint is where a later part starts.
        const at = folded.indexOf(piece);
        if (at < MIN_PIECE || at > folded.length - MIN_PIECE) continue;
        const original = offsets[at];
        if (original !== undefined) breaks.add(part.start + original);
      }
    }
  }
  return [...breaks].sort((a, b) => a - b);
}
