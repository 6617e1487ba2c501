// Calendar-day helpers for the register metrics: ISO dates or timestamps to whole UTC day numbers.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;
const MS_PER_DAY = 86_400_000;

/**
 * The calendar day of an ISO date ('YYYY-MM-DD') or ISO timestamp, as whole days since 1970-01-01.
 * A timestamp counts as the calendar date written in it (its first ten characters): the registers record
 * the day a thing happened, and the day written is the day its author meant.
 * Throws a RangeError on anything else, including impossible dates such as 2024-02-30.
 */
export function dayNumber(iso: string): number {
  const m = ISO_DAY.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${JSON.stringify(iso)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const back = new Date(0);
  back.setUTCFullYear(y, mo - 1, d);
  const ms = back.getTime();
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`not a calendar date: ${JSON.stringify(iso)}`);
  }
  return ms / MS_PER_DAY;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The 'YYYY-MM-DD' form of a day number. */
export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Plain code-unit ordering, the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
