/**
 * @module extract/dates/chrono-result
 * What a chrono-node result tells: a day of the text, or only where a time named without its day
 * lies from publication (a month, a year, "two weeks ago").
 */
import type { ParsedResult } from 'chrono-node';
import type { Lexicons } from '../lexicon/index.js';
import { addDays, isoOf, type DayMention, type TimeMention } from './day.js';

function component(r: ParsedResult['start'], key: 'year' | 'month' | 'day'): number {
  return r.get(key) ?? 0;
}

/**
 * A chrono result as a day. Periods longer than a day get a day from chrono ("next week" → a
 * Friday), not from the labels; "the day after he arrived" counts from an event of the text, not
 * from the publication date chrono counts from.
 */
export function fromResult(
  r: ParsedResult,
  offset: number,
  text: string,
  published: string | null,
  lex: Pick<Lexicons, 'eventRelative' | 'periods'>,
  locale: string,
): DayMention | TimeMention | undefined {
  if (lex.eventRelative.some((re) => re.test(r.text))) return undefined;
  const s = r.start;
  // "Now", "jetzt", "ahora": the moment of writing (chrono knows its second), no day of a trip.
  if (s.isCertain('second') && !/\d/u.test(r.text))
    return published ? { at: offset + r.index, relation: 'around' } : undefined;
  if (lex.periods.get(locale)?.test(r.text) || !s.isCertain('day') || !s.isCertain('month')) {
    if (s.isCertain('weekday') && published && !lex.periods.get(locale)?.test(r.text))
      return { at: offset + r.index, start: published, end: null, weekday: s.get('weekday') ?? 0 };
    return published ? coarse(r, offset + r.index, published) : undefined;
  }
  // Without a publication date only written-out dates count: "heute" and "yesterday" float.
  if (!published && (!s.isCertain('year') || !/\d/u.test(r.text))) return undefined;
  const start = isoOf(component(s, 'year'), component(s, 'month'), component(s, 'day'));
  const yearless = !s.isCertain('year');
  let end: string | null = r.end
    ? isoOf(component(r.end, 'year'), component(r.end, 'month'), component(r.end, 'day'))
    : null;
  // "November 22–23": chrono stops at the dash.
  const range = /^\s*[–-]\s*(\d{1,2})\b/u.exec(text.slice(r.index + r.text.length));
  if (!end && range) {
    const day = Number(range[1]);
    if (day > component(s, 'day') && day <= 31) end = isoOf(component(s, 'year'), component(s, 'month'), day);
  }
  return { at: offset + r.index, start, end, ...(yearless ? { yearless } : {}) };
}

// A time this many days from publication, or more, lies before or after it.
const MARGIN = 3;

/**
 * Where a time chrono reads without a day lies from publication: by its year, or its month and
 * year, or the day it counts to ("two weeks ago"). A month without a year ("in December") and an
 * uncertain span ("this week") tell nothing.
 */
function coarse(r: ParsedResult, at: number, published: string): TimeMention | undefined {
  const s = r.start;
  const [y, m] = [Number(published.slice(0, 4)), Number(published.slice(5, 7))];
  const compare = (a: number, b: number): TimeMention['relation'] =>
    a < b ? 'before' : a > b ? 'after' : 'around';
  if (s.isCertain('day') || (!s.isCertain('year') && !s.isCertain('month'))) {
    if (!s.isCertain('day')) return undefined;
    const day = s.date().toISOString().slice(0, 10);
    const relation =
      day < addDays(published, -MARGIN) ? 'before' : day > addDays(published, MARGIN) ? 'after' : 'around';
    return { at, relation };
  }
  if (!s.isCertain('year')) return undefined;
  const year = component(s, 'year');
  return {
    at,
    relation: s.isCertain('month') && year === y ? compare(component(s, 'month'), m) : compare(year, y),
  };
}
