/**
 * Text helpers for strings that come from outside (queries, index files): cutting them to a
 * length without breaking a character, and removing the bidirectional controls that would let
 * one string reorder the text around it.
 */

/**
 * `text` cut to at most `max` UTF-16 units, never between the two halves of a surrogate pair:
 * an emoji cut in half leaves a lone surrogate, which renders as "�" and is read out as garbage.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = Math.max(0, max);
  const last = text.charCodeAt(end - 1);
  // A high surrogate at the end means its low half was cut off: drop it too.
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? end - 1 : end);
}

/**
 * Embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). In content they are
 * almost never intended, and one left unterminated reorders everything after it ("Trojan Source").
 * Marks (U+200E, U+200F, U+061C) do not open a scope and stay.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
