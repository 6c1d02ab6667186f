/**
 * An independent compound splitter for making evaluation queries. It shares nothing with the
 * analyzer in src/core (neither code nor lexicon), so that the "parts" and "head only" queries do
 * not follow the analyzer's own idea of where a compound breaks.
 *
 * Method (after Koehn & Knight 2003, "Empirical methods for compound splitting"):
 * - Valid parts are words of a general German word list (Debian's `wngerman`,
 *   /usr/share/dict/ngerman, any case) that also occur at least twice as words of their own in the
 *   corpus at hand. The last part (the head) must be such a word as written, at least 4 letters
 *   long; earlier parts (modifiers) at least 3 letters, optionally followed by a linking element
 *   (-s-, -es-, -n-, -en-, -er-, -e-, -ns-, -ens-) or missing a final -e ("Straf-" of "Strafe").
 *   Where several readings of a modifier are words ("Bundes-" as "bundes" or "bund"), the one
 *   that is most frequent in the corpus is the part.
 * - Verb particles and function words are never modifiers ("Ausbildung" is not "Aus" + "Bildung"),
 *   and derivational suffixes that happen to be words are never heads ("-schaft").
 * - Of all segmentations into two or more parts, the one with the highest geometric mean of the
 *   parts' frequencies in the corpus at hand wins (ties: fewer parts, then the longer head).
 */

/** Modifiers that are verb particles, prepositions or function words, not nouns. */
const NOT_MODIFIERS = new Set(
  `ab an auf aus bei dar durch ein fort her hin mit nach um unter über vor weg wider zu zurück
  zusammen fest frei heim los statt teil voll wieder gegen hinter entgegen nieder vorbei voraus
  herab heran herauf heraus herein hinab hinauf hinaus hinein hinzu dazu dabei darin darum
  der die das den dem des eine einer eines einem einen und oder aber für von bis als wie ohne
  sich sie ihr ihre uns was wer wen wem sein seine nicht noch schon auch nur sehr mehr`
    .split(/\s+/)
    .filter(Boolean),
);

/** Heads that are derivational suffixes rather than words of their own. */
const NOT_HEADS = new Set([
  'schaft',
  'schaften',
  'lein',
  'heit',
  'keit',
  'ling',
  'tum',
  'nisse',
  'innen',
  'inne',
]);

/** Linking elements between a modifier and the next part, longest first. */
const LINKERS = ['ens', 'es', 'en', 'er', 'ns', 's', 'n', 'e', ''];

const MIN_MODIFIER = 3;
const MIN_HEAD = 4;
/** Parts must occur as words of their own in the corpus at least this often. */
const MIN_PART_FREQUENCY = 2;

export interface CompoundSplit {
  /** The parts as one would type them as separate words: "Aufenthalt", "Erlaubnis". */
  parts: string[];
  /** The last part as written in the compound: "Erlaubnis". */
  head: string;
}

interface Part {
  /** The part as a word of its own (lower case). */
  display: string;
  /** Frequency used for scoring. */
  frequency: number;
}

export class IndependentSplitter {
  constructor(
    private readonly dictionary: ReadonlySet<string>,
    private readonly frequency: ReadonlyMap<string, number>,
  ) {}

  /** The best split of a word into two or more parts, or null if it is no compound. */
  split(word: string): CompoundSplit | null {
    const lower = word.toLowerCase();
    let best: { parts: Part[]; score: number } | null = null;
    for (const parts of this.segmentations(lower, 0)) {
      if (parts.length < 2) continue;
      const score = parts.reduce((sum, p) => sum + Math.log(p.frequency + 1), 0) / parts.length;
      if (
        !best ||
        score > best.score + 1e-9 ||
        (Math.abs(score - best.score) <= 1e-9 &&
          (parts.length < best.parts.length ||
            (parts.length === best.parts.length &&
              parts.at(-1)!.display.length > best.parts.at(-1)!.display.length)))
      )
        best = { parts, score };
    }
    if (!best) return null;
    const head = best.parts.at(-1)!.display;
    return { parts: best.parts.map((p) => capitalise(p.display)), head: capitalise(head) };
  }

  /** Every segmentation of lower[start..] into modifiers followed by one head. */
  private segmentations(lower: string, start: number): Part[][] {
    const out: Part[][] = [];
    const rest = lower.slice(start);
    const head = rest.length >= MIN_HEAD && !NOT_HEADS.has(rest) ? this.part(rest) : null;
    if (head) out.push([head]);
    for (let end = start + MIN_MODIFIER; end <= lower.length - MIN_HEAD; end++) {
      const modifier = this.modifier(lower.slice(start, end));
      if (!modifier) continue;
      for (const tail of this.segmentations(lower, end)) out.push([modifier, ...tail]);
    }
    return out;
  }

  /** A modifier as written in the compound ("aufenthalts") → the part ("aufenthalt"), if any. */
  private modifier(surface: string): Part | null {
    let best: Part | null = null;
    for (const linker of LINKERS) {
      if (!surface.endsWith(linker)) continue;
      const root = surface.slice(0, surface.length - linker.length);
      if (root.length < MIN_MODIFIER || NOT_MODIFIERS.has(root)) continue;
      // "Straf-" stands for "Strafe" only where "straf" is no word of its own.
      const lemma = this.dictionary.has(root) ? root : `${root}e`;
      const part = this.part(lemma);
      if (part && (!best || part.frequency > best.frequency)) best = part;
    }
    return best;
  }

  /** A word of the word list that the corpus uses often enough to count as a part. */
  private part(word: string): Part | null {
    if (!this.dictionary.has(word) || NOT_MODIFIERS.has(word)) return null;
    const frequency = this.frequency.get(word) ?? 0;
    return frequency >= MIN_PART_FREQUENCY ? { display: word, frequency } : null;
  }
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
