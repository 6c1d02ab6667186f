/**
 * The "Datenstand" of a page from its own dates: front matter fields, `<meta>` tags, a `<time>`
 * marked as the last change, JSON-LD, the HTTP Last-Modified header. Each becomes a calendar day
 * `YYYY-MM-DD`, the form documents store.
 */
import { dateProblem } from '../../core/calendar-date.js';

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})(?:$|[T ]\d)/;
const GERMAN_DAY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/**
 * The calendar day of a date value, or undefined if it is not one: `2026-11-28`,
 * `2026-11-28T10:00:00+01:00` (the day as written, not converted to UTC), `28.11.2026`,
 * an HTTP date, or a Date (its ISO day; TOML dates print as written).
 */
export function dayOf(value: unknown): string | undefined {
  let day: string | undefined;
  if (value instanceof Date) {
    if (!Number.isNaN(value.getTime())) day = value.toISOString().slice(0, 10);
  } else if (typeof value === 'string') {
    const text = value.trim();
    const iso = ISO_DAY.exec(text);
    const german = GERMAN_DAY.exec(text);
    if (iso) day = iso[1];
    else if (german)
      day = `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}`;
    else if (/^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text))
      day = new Date(text).toISOString().slice(0, 10);
  }
  return day !== undefined && dateProblem(day) === undefined ? day : undefined;
}
