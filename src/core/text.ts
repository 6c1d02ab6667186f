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
 * almost never intended, and one left unterminated reorders everything after it ("Trojan Source");
 * they also split words for search ("Wohn\u202Egeld"). Marks (U+200E, U+200F, U+061C) do not
 * open a scope and stay.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Removes bidi controls: at build time, and again when text from any source is displayed. */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

const LINE_BREAK_CONTROLS = /\r\n?|[\v\f\u0085]/g;
/** C0 without tab and line feed (the line-breaking ones are gone by then), DEL and C1. */
const OTHER_CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;
const UNPAIRED_SURROGATES =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text as it may be stored in an index (CLI or `buildIndex`): only what a browser shows as what
 * it is.
 * - C0 and C1 control characters (NUL, BEL, ESC, CSI, …) are invisible or shown as boxes and can
 *   confuse terminals and log viewers. Line breaks and tabs stay; the line-breaking controls CR,
 *   vertical tab, form feed and NEL become a line break, so words on both sides stay apart.
 * - Unpaired surrogates are no characters at all (broken UTF-16, e.g. a cut emoji).
 * - Bidi controls go (see above); a snippet cut from the body could lose the one that ends a
 *   scope.
 */
export function cleanText(text: string): string {
  return withoutBidiControls(
    text.replace(LINE_BREAK_CONTROLS, '\n').replace(OTHER_CONTROLS, ''),
  ).replace(UNPAIRED_SURROGATES, '');
}
