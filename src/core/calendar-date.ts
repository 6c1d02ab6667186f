/**
 * Calendar dates as the index stores them: `YYYY-MM-DD`. The pattern alone lets through days
 * that do not exist (2026-02-30), which JavaScript's Date silently rolls over ("2. März 2026"),
 * so the day is checked against the length of its month. One check for document dates and the
 * "Datenstand", in the core and the CLI.
 */

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * What is wrong with `value` as a date, as the end of a sentence starting with the field's name
 * ("… must be a date of the form YYYY-MM-DD"), or undefined for a valid date.
 */
export function dateProblem(value: unknown): string | undefined {
  const match = typeof value === 'string' ? PATTERN.exec(value) : null;
  if (!match) return 'must be a date of the form YYYY-MM-DD, e.g. 2026-11-28';
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    // Safe to repeat: it matched the pattern, so it is digits and hyphens only.
    return `must be a date that exists: ${value as string} is not in the calendar`;
  }
  return undefined;
}
