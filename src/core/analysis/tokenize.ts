/**
 * Splits text into words with their positions in the original string.
 *
 * A word is a run of letters, marks and digits. Hyphens and soft hyphens (U+00AD) join words into
 * one hyphenated word; its `parts` are the pieces between the hyphens, so that "E-Mail" can be
 * indexed as "e", "mail" and the joined "email".
 */

export interface Span {
  /** The text of the span, exactly as in the original. */
  text: string;
  /** Index of the first character in the original string. */
  start: number;
  /** Index after the last character in the original string. */
  end: number;
}

export interface Word extends Span {
  /** The pieces between hyphens; a single entry for a plain word. */
  parts: Span[];
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:[-\u00AD\u2010\u2011][\p{L}\p{M}\p{N}]+)*/gu;
const PART = /[\p{L}\p{M}\p{N}]+/gu;

export function tokenize(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const wordText = match[0];
    const parts: Span[] = [];
    for (const part of wordText.matchAll(PART)) {
      parts.push({
        text: part[0],
        start: start + part.index,
        end: start + part.index + part[0].length,
      });
    }
    words.push({ text: wordText, start, end: start + wordText.length, parts });
  }
  return words;
}

/**
 * The strings to index for a text: every part of every word, plus the joined form of hyphenated
 * words ("Aufenthalts-Überwachung" → "Aufenthalts", "Überwachung", "AufenthaltsÜberwachung").
 */
export function indexTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const word of tokenize(text)) {
    for (const part of word.parts) tokens.push(part.text);
    if (word.parts.length > 1) tokens.push(word.parts.map((part) => part.text).join(''));
  }
  return tokens;
}
