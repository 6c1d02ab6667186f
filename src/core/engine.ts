/**
 * The indexed fields and how each counts, shared by the index builder, the search and the Solr
 * configset generator. Field numbers are positions in FIELDS and are stored in postings, so a
 * change here is a change of the index format.
 */

/**
 * Weight of a match in each field. What names a page counts most: its title, then the words a
 * site lists for it (keywords: colloquial terms, abbreviations), its section headings, its
 * summary; the body least. `meta` holds category, partners and levels.
 */
export const FIELD_BOOSTS = {
  title: 6,
  keywords: 4,
  headings: 3,
  summary: 2,
  body: 1,
  meta: 1.5,
} as const;

export type FieldName = keyof typeof FIELD_BOOSTS;

export const FIELDS = Object.keys(FIELD_BOOSTS) as FieldName[];

export const FIELD_NUMBER: Readonly<Record<FieldName, number>> = Object.fromEntries(
  FIELDS.map((name, i) => [name, i]),
) as Record<FieldName, number>;

/** Boosts by field number. */
export const BOOST_BY_FIELD: readonly number[] = FIELDS.map((name) => FIELD_BOOSTS[name]);

/** Fields that name a document: where a one- to three-letter prefix is completed. */
export const NAMING_FIELDS: ReadonlySet<number> = new Set(
  (['title', 'keywords', 'headings', 'summary', 'meta'] as const).map((name) => FIELD_NUMBER[name]),
);

/**
 * BM25+ (Lv & Zhai 2011), per field: saturation k1, length normalization b, lower bound delta.
 * Short fields (title, keywords, headings) normalize less: a longer title is not a worse
 * match for the word it contains, while a long body repeating a word is weaker evidence than a
 * short one.
 */
export const BM25 = { k1: 1.2, delta: 0.5 } as const;
export const LENGTH_NORMALIZATION: readonly number[] = FIELDS.map((name) =>
  name === 'title' || name === 'keywords' || name === 'headings' ? 0.3 : 0.75,
);

/**
 * Weaker evidence (another inflection, a part) is raised to this power per field: in the short
 * fields that name a document, the written form matters more. A title holding the word as typed
 * beats one holding another inflection of it, while in a long body an inflection counts nearly
 * as much.
 */
export const EVIDENCE_EXPONENT: readonly number[] = FIELDS.map((name) =>
  name === 'title' || name === 'keywords' || name === 'headings' ? 1.5 : 1,
);
