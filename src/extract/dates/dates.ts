/**
 * @module extract/dates
 * Days named in a sentence, read by chrono-node with the publication date as the reference. Only
 * day precision counts: months, years and weeks ("next week", "in March") give nothing. A bare
 * weekday is kept as a weekday, to be placed before or after the publication date once the tense
 * of the sentence is known. Without a publication date only fully written dates count.
 */
import * as chrono from 'chrono-node';
import type { ParsedResult } from 'chrono-node';
import { patternDays, type DatePattern } from './date-patterns.js';
import { buildDayWords, mayNameDay, type DayWords } from './day-words.js';
import type { Token } from '../text/tokens.js';

export interface DayMention {
  /** Character offset of the date in the article. */
  at: number;
  /** YYYY-MM-DD; for a bare weekday, the publication date (see `weekday`). */
  start: string;
  end: string | null;
  /** 0 = Sunday: set when the text names only a weekday. */
  weekday?: number;
  /** Day and month only: the year was taken from the publication date. */
  yearless?: boolean;
}

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

/**
 * chrono's configuration for each language, and the casual words it reads as a day beyond the
 * calendar words ICU gives (see extract/day-words): a sentence with neither those nor a digit is
 * not parsed at all.
 */
const CASUAL: Record<string, [chrono.Chrono, string]> = {
  en: [chrono.en.casual, 'now tonight night day days hours minutes ago earlier'],
  fr: [chrono.fr.casual, 'maintenant soir nuit jour jours heures minutes'],
  de: [chrono.de.casual, 'jetzt nacht abend tag tage tagen stunden minuten'],
  es: [chrono.es.casual, 'ahora noche anoche día días horas minutos'],
  pt: [chrono.pt.casual, 'agora noite dia dias horas minutos'],
  it: [chrono.it.casual, 'ora adesso stasera stanotte notte giorno giorni ore minuti'],
  ru: [chrono.ru.casual, 'сейчас ночью вечером днём дня дней часов минут назад'],
  uk: [chrono.uk.casual, 'зараз ввечері вночі днів дня годин хвилин тому'],
  nl: [chrono.nl.casual, 'nu vanavond vannacht nacht dag dagen uur minuten'],
  ja: [chrono.ja.casual, ''],
  zh: [chrono.zh.casual, ''],
  ar: [chrono.ar.casual, 'الآن الليلة مساء يوم أيام ساعات'],
};
const parsers = new Map<string, { parser: chrono.Chrono; words: DayWords } | undefined>();

/** A language's trimmed parser and day words, built on first use: every CLI command loads this module. */
function chronoFor(lang: string): { parser: chrono.Chrono; words: DayWords } | undefined {
  if (parsers.has(lang)) return parsers.get(lang);
  const entry = Object.hasOwn(CASUAL, lang) ? CASUAL[lang] : undefined;
  const built = entry && {
    parser: dayParser(entry[0]),
    words: buildDayWords(lang, entry[1].split(' ').filter(Boolean)),
  };
  parsers.set(lang, built);
  return built;
}

// "The day after he arrived", "two days later": chrono counts from the publication date, the text
// from an event of its own.
const EVENT_RELATIVE =
  /^(?:(?:the|an?|one|two|three|four|five|\d+) days? (?:after|before|later|earlier)|after (?:an?|one|two|three|four|five|\d+) days?|next day)$/iu;
// Periods longer than a day: chrono gives them a day ("next week" → a Friday), the labels do not.
const PERIOD =
  /week|month|year|semaine|mois|année|woche|monat|jahr|semana|mes|año|ano|settimana|mese|недел|месяц|год|тиж|міся|рік|week|maand|jaar/iu;

const pad = (n: number) => String(n).padStart(2, '0');
export const isoOf = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** `iso` plus `days` (may be negative). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The `weekday` nearest to `published` on the side the tense points to. */
export function placeWeekday(weekday: number, published: string, direction: 'forward' | 'backward'): string {
  const today = new Date(`${published}T12:00:00Z`).getUTCDay();
  const ahead = (weekday - today + 7) % 7;
  return direction === 'forward'
    ? addDays(published, ahead)
    : addDays(published, ahead === 0 ? 0 : ahead - 7);
}

function component(r: ParsedResult['start'], key: 'year' | 'month' | 'day'): number {
  return r.get(key) ?? 0;
}

function fromResult(
  r: ParsedResult,
  offset: number,
  text: string,
  published: string | null,
): DayMention | undefined {
  if (PERIOD.test(r.text) || EVENT_RELATIVE.test(r.text)) return undefined;
  const s = r.start;
  if (!s.isCertain('day') || !s.isCertain('month')) {
    if (!s.isCertain('weekday') || !published) return undefined;
    return { at: offset + r.index, start: published, end: null, weekday: s.get('weekday') ?? 0 };
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

/** A day of something that has already happened never lies after publication: the year before. */
export function inThePast(day: DayMention, published: string | null): DayMention {
  if (!day.yearless || !published || day.start <= published) return day;
  const back = (iso: string | null) => (iso ? `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}` : null);
  return { ...day, start: back(day.start)!, end: back(day.end) };
}

/** Every day named in `text` (a sentence at `offset` in the article), in the given languages. */
export function findDays(
  text: string,
  offset: number,
  langs: readonly string[],
  published: string | null,
  patterns: readonly DatePattern[] = [],
  /** The words of `text`, when the caller has them: spares tokenising it again. */
  tokens?: readonly Token[],
): DayMention[] {
  const ref = new Date(`${published ?? '2000-01-01'}T12:00:00Z`);
  const seen = new Set<number>();
  const out: DayMention[] = [];
  // The lexicons' own formats first: chrono reads only pieces of them ("17" in "17.out.2023").
  const spans: [number, number][] = [];
  for (const d of patternDays(text, patterns, published)) {
    spans.push([d.index, d.index + d.length]);
    out.push({ at: offset + d.index, start: d.start, end: d.end, ...(d.yearless ? { yearless: true } : {}) });
  }
  for (const [from, to] of spans) for (let i = from; i < to; i++) seen.add(i);
  for (const lang of langs) {
    const chronoOf = chronoFor(lang);
    if (!chronoOf || !mayNameDay(text, chronoOf.words, tokens)) continue;
    for (const r of chronoOf.parser.parse(text, ref)) {
      if (seen.has(r.index)) continue;
      const day = fromResult(r, offset, text, published);
      if (day) {
        seen.add(r.index);
        out.push(day);
      }
    }
  }
  return out.sort((a, b) => a.at - b.at);
}
