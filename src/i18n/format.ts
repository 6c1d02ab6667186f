/**
 * Language-aware formatting shared by the string tables and the components: plural categories,
 * numbers and dates through Intl, cached per language.
 */
export type HzdLanguage = 'de' | 'en';

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** The CLDR plural category of `n` ("one", "other", …) in `lang`. */
export function pluralCategory(lang: HzdLanguage, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(n);
}

/** "1.000" in German, "1,000" in English. */
export function formatNumber(lang: HzdLanguage, n: number): string {
  let format = numberFormats.get(lang);
  if (!format) numberFormats.set(lang, (format = new Intl.NumberFormat(lang)));
  return format.format(n);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Formats a `YYYY-MM-DD` date: "28. November 2026" (long) or "28.11.2026" (medium) in German.
 * Returns undefined for anything else, so a malformed date in an index is simply not shown.
 */
export function formatDate(
  lang: HzdLanguage,
  isoDate: string | undefined,
  style: 'long' | 'medium',
): string | undefined {
  const match = isoDate ? ISO_DATE.exec(isoDate) : null;
  if (!match) return undefined;
  // UTC on both sides: a date without time must not shift a day in other time zones.
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return undefined;
  return new Intl.DateTimeFormat(lang, { dateStyle: style, timeZone: 'UTC' }).format(date);
}

/** Long queries are cut for display and announcements; the search itself sees the whole text. */
export function shorten(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
