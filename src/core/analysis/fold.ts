/**
 * Character folding for German search. The same function runs on documents and on queries, so
 * "Glücksspiel", "Gluecksspiel" and "glucksspiel" all become "glucksspiel".
 *
 * Rules (DIN 5007-1 plus the transliteration heuristic of Snowball's German2 / Lucene's
 * GermanNormalizationFilter):
 * - Unicode NFC, then lower case;
 * - ß → ss;
 * - ä/ö/ü → a/o/u, and the transliterations ae/oe/ue → a/o/u, except "ue" after a vowel or "q"
 *   (Steuer, Feuer, Bauer, Quelle stay intact);
 * - other diacritics are dropped (é → e).
 *
 * Folding to the base vowel (not to "ae") keeps umlaut plurals together: Land/Länder,
 * Antrag/Anträge.
 */

const VOWELS = 'aeiouy';
const ASCII_LOWER = /^[a-z0-9]*$/;

function withoutMarks(char: string): string {
  return char.normalize('NFD').replace(/\p{M}/gu, '').charAt(0) || char;
}

function foldLower(lower: string, offsets: number[] | null): string {
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const char = lower[i]!;
    let folded: string;
    if (char === 'e' && i > 0) {
      const previous = lower[i - 1]!;
      const beforePrevious = lower[i - 2] ?? '';
      const isTransliteration =
        previous === 'a' ||
        previous === 'o' ||
        (previous === 'u' &&
          !(beforePrevious !== '' && VOWELS.includes(beforePrevious)) &&
          beforePrevious !== 'q');
      folded = isTransliteration ? '' : 'e';
    } else if (char === 'ß') {
      folded = 'ss';
    } else if (char === 'ä') {
      folded = 'a';
    } else if (char === 'ö') {
      folded = 'o';
    } else if (char === 'ü') {
      folded = 'u';
    } else if (char.charCodeAt(0) > 0x7f) {
      folded = /\p{M}/u.test(char) ? '' : withoutMarks(char);
    } else {
      folded = char;
    }
    out += folded;
    if (offsets) for (let k = 0; k < folded.length; k++) offsets.push(i);
  }
  return out;
}

/** Folds a word (or any text) for matching: "Straße" → "strasse", "Mueller" → "muller". */
export function fold(text: string): string {
  const lower = text.normalize('NFC').toLowerCase();
  // Fast path: plain ASCII without any possible transliteration.
  if (ASCII_LOWER.test(lower) && !/[aou]e/.test(lower)) return lower;
  return foldLower(lower, null);
}

/**
 * Like `fold`, and also returns `offsets[i]`: the index in `text` of the character that produced
 * folded character `i`. Used to map highlights found on folded text back onto the original text.
 * Indices are exact when NFC and lower-casing keep the length (true for German text); otherwise
 * they are clamped to the text.
 */
export function foldWithOffsets(text: string): { folded: string; offsets: number[] } {
  const lower = text.normalize('NFC').toLowerCase();
  const offsets: number[] = [];
  const folded = foldLower(lower, offsets);
  if (lower.length !== text.length) {
    const last = Math.max(0, text.length - 1);
    for (let i = 0; i < offsets.length; i++) offsets[i] = Math.min(offsets[i]!, last);
  }
  return { folded, offsets };
}
