/**
 * Language-aware formatting shared by the string tables and the components: plural categories,
 * numbers and dates through Intl, cached per language.
 */
import { dateProblem } from '../core/calendar-date.js';
import { cutText, withoutBidiControls } from '../core/text.js';

export type HzdLanguage = 'de' | 'en';

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

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

/**
 * Formats a `YYYY-MM-DD` date: "28. November 2026" (long) or "28.11.2026" (medium) in German.
 * Returns undefined for anything else, so a malformed date in an index is simply not shown. An
 * impossible day ("2026-02-30") is malformed too: `Date` would roll it over to another day, and
 * the widget must never show a date the index does not hold.
 */
export function formatDate(
  lang: HzdLanguage,
  isoDate: string | undefined,
  style: 'long' | 'medium',
): string | undefined {
  if (dateProblem(isoDate) !== undefined) return undefined;
  const [year, month, day] = isoDate!.split('-').map(Number) as [number, number, number];
  // UTC on both sides: a date without time must not shift a day in other time zones.
  const date = new Date(Date.UTC(year, month - 1, day));
  // Built once per language and style: result lists format a date per card on every keystroke.
  const key = `${lang} ${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { dateStyle: style, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format.format(date);
}

/**
 * Queries are cut for display and announcements (the search itself sees the whole text), at a
 * character boundary, and without bidirectional controls, which would reorder the sentence
 * around the query ("12 Ergebnisse für „…“").
 */
export function shorten(text: string, max = 80): string {
  const clean = withoutBidiControls(text);
  return clean.length > max ? `${cutText(clean, max - 1)}…` : clean;
}
