/**
 * @module law/dates
 * Calendar arithmetic on YYYY-MM-DD days, in UTC so that no local time zone shifts a day.
 */
import type { IsoDate } from '../registry/index.js';

const DAY_MS = 86_400_000;

function toUtc(d: string): Date {
  return new Date(`${d}T00:00:00Z`);
}

function fromUtc(d: Date): IsoDate {
  return d.toISOString().slice(0, 10) as IsoDate;
}

/** Days since 1970-01-01 of a YYYY-MM-DD day (or of the day an ISO date-time starts with). */
export function dayNumber(d: string): number {
  return Math.round(toUtc(d.slice(0, 10)).getTime() / DAY_MS);
}

export function addDays(d: string, days: number): IsoDate {
  return fromUtc(new Date(toUtc(d).getTime() + days * DAY_MS));
}

/** Same day `years` later; 29 February rolls to 1 March, as the Date object does. */
export function addYears(d: string, years: number): IsoDate {
  const t = toUtc(d);
  t.setUTCFullYear(t.getUTCFullYear() + years);
  return fromUtc(t);
}

/** The first day of the month after the one `d` falls in. */
export function firstOfNextMonth(d: string): IsoDate {
  const t = toUtc(d);
  return fromUtc(new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 1)));
}

/** Every day from `from` to `to`, both included. */
export function eachDay(from: string, to: string): IsoDate[] {
  const out: IsoDate[] = [];
  for (let t = toUtc(from).getTime(), end = toUtc(to).getTime(); t <= end; t += DAY_MS)
    out.push(fromUtc(new Date(t)));
  return out;
}

const MONTHS = 'January February March April May June July August September October November December'.split(
  ' ',
);

/** "3 September 2024": dates in explanations are written out, never left ambiguous. */
export function formatDay(d: string): string {
  return `${Number(d.slice(8, 10))} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
}
