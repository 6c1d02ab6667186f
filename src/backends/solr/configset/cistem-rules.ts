/**
 * The client's stemmer (src/core/analysis/stem.ts: CISTEM without ge-, female forms onto the
 * masculine stem) as a chain of regular-expression replacements, so that Solr runs the very same
 * algorithm with its stock PatternReplaceFilter, without a plugin jar.
 *
 * Stock Solr has no CISTEM: GermanLightStemFilter (Savoy) and the Snowball German stemmers cut
 * differently (Savoy's light stemmer keeps "-ung" plurals apart from their singular differently,
 * Snowball applies the ge- and other rules we left out), so a word would get another term on
 * the server than in the static index, and the relevance tests would not carry over.
 *
 * The patterns use only what JavaScript and java.util.regex read alike (groups, classes,
 * anchors, `$n` replacements, unmatched groups replaced by nothing); test/node/solr-configset
 * applies the chain in JavaScript and compares it with `stem` on the lexicon and a law corpus.
 * Placeholders are punctuation, which never occurs inside a token.
 */

export interface ReplaceRule {
  pattern: string;
  replacement: string;
  /** `all` replaces every match, `first` the first (the only one, for anchored patterns). */
  replace: 'all' | 'first';
}

/**
 * One step of CISTEM's loop: strip -em/-er/-nd from a word longer than five characters, else -t,
 * else one of -e/-s/-n, from a word longer than three. The alternation keeps that order.
 */
const STRIP_STEP: ReplaceRule = {
  pattern: '^(?:(.{4,})(?:e[mr]|nd)|(.{3,})t|(.{3,})[esn])$',
  replacement: '$1$2$3',
  replace: 'first',
};

/**
 * How many steps of the loop the chain unrolls. Each step strips one or two letters of a word
 * longer than three; real words take at most a handful (the test measures the most any word of
 * the lexicon and the corpus needs and keeps this well above it).
 */
export const STRIP_STEPS = 12;

export const CISTEM_RULES: readonly ReplaceRule[] = [
  { pattern: '(er|ent|ant|ist|eur|og|at|ekt|ot)in(nen)?$', replacement: '$1', replace: 'first' },
  { pattern: 'sch', replacement: '#', replace: 'all' },
  { pattern: 'ei', replacement: '%', replace: 'all' },
  { pattern: 'ie', replacement: '&', replace: 'all' },
  { pattern: '(.)\\1', replacement: '$1*', replace: 'all' },
  ...Array.from({ length: STRIP_STEPS }, () => STRIP_STEP),
  { pattern: '(.)\\*', replacement: '$1$1', replace: 'all' },
  { pattern: '&', replacement: 'ie', replace: 'all' },
  { pattern: '%', replacement: 'ei', replace: 'all' },
  { pattern: '#', replacement: 'sch', replace: 'all' },
];

/** The chain applied in JavaScript, as Solr applies it: the test's mirror of the configset. */
export function applyRules(word: string, rules: readonly ReplaceRule[] = CISTEM_RULES): string {
  let out = word;
  for (const rule of rules) {
    out = out.replace(
      new RegExp(rule.pattern, rule.replace === 'all' ? 'g' : ''),
      rule.replacement,
    );
  }
  return out;
}
