/**
 * @module extract/dates/dates
 * Days named in a sentence, read by chrono-node with the publication date as the reference. Only
 * day precision counts: months, years and weeks ("next week", "in March") give nothing. A bare
 * weekday is kept as a weekday, to be placed before or after the publication date once the tense
 * of the sentence is known. Without a publication date only fully written dates count.
 */
import * as chrono from 'chrono-node';
import { buildDayWords, mayNameDay, type DayWords, type Lexicons } from '../lexicon/index.js';
import { calendarDays } from './calendar-days.js';
import type { DayMention, TimeMention } from './day.js';

export { addDays, inThePast, isoOf, placeWeekday, type DayMention, type TimeMention } from './day.js';
import { fromResult } from './chrono-result.js';
import { patternDays } from './date-patterns.js';
import type { Token } from '../text/index.js';

// chrono's parsers of times of day ("at 10:00", "this morning") and of spans counted from now
// ("in five seconds", "two days later", "within a week") give a day only by counting from the
// publication date, mostly wrongly ("the day after he arrived"), and took half of chrono's time.
// Dates, weekdays, "today"/"yesterday" and "two days ago" stay.
const UNWANTED =
  /(?:TimeExpression|CasualTime|TimeUnit(?:Within|Later|CasualRelative)Format)Parser$|EndOfCurrentMonth/u;

/** A language's casual chrono without the parsers above; exported for its test. */
export function dayParser(casual: chrono.Chrono): chrono.Chrono {
  const trimmed = casual.clone();
  trimmed.parsers = casual.parsers.filter((p) => !UNWANTED.test(p.constructor.name));
  return trimmed;
}

/** chrono-node's casual parser of each locale a lexicon may name as its `chrono`. */
const LOCALES: Record<string, chrono.Chrono> = {
  en: chrono.en.casual,
  fr: chrono.fr.casual,
  de: chrono.de.casual,
  es: chrono.es.casual,
  pt: chrono.pt.casual,
  it: chrono.it.casual,
  ru: chrono.ru.casual,
  uk: chrono.uk.casual,
  nl: chrono.nl.casual,
  ja: chrono.ja.casual,
  zh: chrono.zh.casual,
  sv: chrono.sv.casual,
  fi: chrono.fi.casual,
  vi: chrono.vi.casual,
  id: chrono.id.casual,
  ar: chrono.ar.casual,
};
const parsers = new Map<string, { parser: chrono.Chrono; words: DayWords } | undefined>();

/**
 * What the lexicons say about days: their own formats, the casual words chrono reads as a day
 * (beyond the calendar words ICU gives, see lexicon/calendar.ts: a sentence with neither those
 * nor a digit is not parsed at all), spans longer than a day, and days counted from an event.
 */
export type DayLexicon = Pick<
  Lexicons,
  'datePatterns' | 'casualDays' | 'periods' | 'periodWords' | 'eventRelative' | 'inflections'
>;

/**
 * A locale's trimmed parser and day words, built on first use: every CLI command loads this
 * module. Keyed by locale: one lexicon set per process.
 */
function chronoFor(locale: string, lex: DayLexicon): { parser: chrono.Chrono; words: DayWords } | undefined {
  if (parsers.has(locale)) return parsers.get(locale);
  const casual = Object.hasOwn(LOCALES, locale) ? LOCALES[locale] : undefined;
  const built = casual && {
    parser: dayParser(casual),
    // Period words too ("last year", "next month"): they tell history from plans.
    words: buildDayWords(locale, [
      ...(lex.casualDays.get(locale) ?? []),
      ...(lex.periodWords.get(locale) ?? []),
    ]),
  };
  parsers.set(locale, built);
  return built;
}

/** The days and the times without a day that a sentence names. */
export interface SentenceDates {
  days: DayMention[];
  times: TimeMention[];
}

/**
 * Every day named in `text` (a sentence at `offset` in the article), and every time named without
 * a day: by chrono-node in its `langs` locales, by the lexicons' patterns, and by the ICU calendars
 * of `calendars`, languages chrono does not read (whose days need `tokens`, the words of `text`).
 */
export function readDates(
  text: string,
  offset: number,
  langs: readonly string[],
  published: string | null,
  lex: DayLexicon,
  /** The words of `text`, when the caller has them: spares tokenising it again. */
  tokens?: readonly Token[],
  calendars: readonly string[] = [],
): SentenceDates {
  const ref = new Date(`${published ?? '2000-01-01'}T12:00:00Z`);
  const seen = new Set<number>();
  const days: DayMention[] = [];
  const times: TimeMention[] = [];
  // The lexicons' own formats first: chrono reads only pieces of them ("17" in "17.out.2023").
  const spans: [number, number][] = [];
  for (const d of patternDays(text, lex.datePatterns, published)) {
    spans.push([d.index, d.index + d.length]);
    days.push({
      at: offset + d.index,
      start: d.start,
      end: d.end,
      ...(d.yearless ? { yearless: true } : {}),
    });
  }
  for (const [from, to] of spans) for (let i = from; i < to; i++) seen.add(i);
  for (const lang of langs) {
    const chronoOf = chronoFor(lang, lex);
    if (!chronoOf || !mayNameDay(text, chronoOf.words, tokens)) continue;
    for (const r of chronoOf.parser.parse(text, ref)) {
      if (seen.has(r.index)) continue;
      const found = fromResult(r, offset, text, published, lex, lang);
      if (!found) continue;
      seen.add(r.index);
      if ('relation' in found) times.push(found);
      else days.push(found);
    }
  }
  if (calendars.length && tokens)
    for (const d of calendarDays(tokens, calendars, published, lex.inflections))
      if (!days.some((o) => o.at === d.at)) days.push(d);
  return { days: days.sort((a, b) => a.at - b.at), times };
}

/** The days of `readDates`. */
export function findDays(...args: Parameters<typeof readDates>): DayMention[] {
  return readDates(...args).days;
}
