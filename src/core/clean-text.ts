/**
 * Removes characters that must not reach the stored display text, at build time, so that every
 * index (CLI or `buildIndex`) holds only text a browser shows as what it is:
 *
 * - C0 and C1 control characters (NUL, BEL, ESC, CSI, …) are invisible or shown as boxes and
 *   can confuse terminals and log viewers. Line breaks and tabs stay; the line-breaking controls
 *   CR, vertical tab, form feed and NEL become a line break, so words on both sides stay apart.
 * - Unpaired surrogates are no characters at all (broken UTF-16, e.g. a cut emoji).
 * - Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) can make text read
 *   differently from its characters ("Trojan Source"), and a snippet cut from the body can lose
 *   the character that ends one. Plain text does not need them: the Unicode bidi algorithm and
 *   the widget's isolation of each text handle mixed directions. They also split words for
 *   search ("Wohn\u202Egeld"). The marks LRM, RLM and ALM have no such reach and are kept.
 */

const LINE_BREAK_CONTROLS = /\r\n?|[\v\f\u0085]/g;
/** C0 without tab and line feed (the line-breaking ones are gone by then), DEL and C1. */
const OTHER_CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const UNPAIRED_SURROGATES =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function cleanText(text: string): string {
  return text
    .replace(LINE_BREAK_CONTROLS, '\n')
    .replace(OTHER_CONTROLS, '')
    .replace(BIDI_CONTROLS, '')
    .replace(UNPAIRED_SURROGATES, '');
}
