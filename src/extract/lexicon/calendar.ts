/**
 * @module extract/lexicon/calendar
 * Whether a sentence may name a day, asked before chrono-node reads it: chrono runs some thirty
 * regular expressions over every sentence it is given, and most sentences name no day at all.
 * A sentence may name one when it holds a digit or a word of the language's calendar: the month
 * and weekday names and "yesterday"/"today"/"tomorrow", taken from the runtime's ICU data in
 * every form it writes them, plus the few casual words chrono also reads as a day (`extra`).
 */
import { tokenize, type Token } from '../text/index.js';

export interface DayWords {
  /** Token keys (see `tokenKey`): Cyrillic keys are stems, so every case ending meets them. */
  keys: ReadonlySet<string>;
  /** Looked for inside the text: scripts that glue prefixes to words ("والثلاثاء", "بالأمس"). */
  inside: readonly string[];
}

const GLUED_SCRIPT = /\p{Script=Arabic}/u;
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const ARABIC_ARTICLE = /^ال/u;
const DIGIT = /\p{Nd}/u;

/** Every way ICU writes the months, weekdays and the days around today in `lang`. */
function calendarWords(lang: string): string[] {
  const out: string[] = [];
  const utc = { timeZone: 'UTC' } as const;
  for (let m = 0; m < 12; m++) {
    const day = new Date(Date.UTC(2024, m, 15));
    for (const month of ['long', 'short'] as const)
      for (const withDay of [false, true])
        for (const p of new Intl.DateTimeFormat(lang, {
          ...utc,
          month,
          ...(withDay ? { day: 'numeric' } : {}),
        }).formatToParts(day))
          if (p.type === 'month') out.push(p.value);
  }
  // 2024-01-07 is a Sunday.
  for (let d = 0; d < 7; d++)
    for (const weekday of ['long', 'short'] as const)
      out.push(new Intl.DateTimeFormat(lang, { ...utc, weekday }).format(new Date(Date.UTC(2024, 0, 7 + d))));
  const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  for (const n of [-2, -1, 0, 1, 2]) out.push(relative.format(n, 'day'));
  return out;
}

export function buildDayWords(lang: string, extra: readonly string[] = []): DayWords {
  const keys = new Set<string>();
  const inside = new Set<string>();
  const add = (phrase: string, short: boolean) => {
    // Words of an unspaced script are runs of one-sign tokens: looked for as written.
    if (UNSPACED_SCRIPT.test(phrase)) {
      for (const w of phrase.split(/[\s\d]+/u)) if (w) inside.add(w);
      return;
    }
    for (const t of tokenize(phrase)) {
      if (GLUED_SCRIPT.test(t.raw)) inside.add(t.raw.replace(ARABIC_ARTICLE, ''));
      else if ((short || t.key.length >= 3) && !DIGIT.test(t.key)) keys.add(t.key);
    }
  };
  // ICU's two-letter abbreviations ("Mo", "di") are ordinary words more often than days.
  for (const phrase of calendarWords(lang)) add(phrase, false);
  for (const phrase of extra) add(phrase, true);
  return { keys, inside: [...inside].filter((w) => w.length >= 2) };
}

/**
 * True when `text` holds a digit or one of the words: only then can a date parser find a day.
 * `tokens` are the text's words when the caller has them already.
 */
export function mayNameDay(
  text: string,
  words: DayWords,
  tokens: readonly Token[] = tokenize(text),
): boolean {
  if (DIGIT.test(text)) return true;
  if (words.inside.some((w) => text.includes(w))) return true;
  return tokens.some((t) => words.keys.has(t.key));
}

/** A language's weekday names and its words for the days around today, as token keys. */
export interface Calendar {
  /** Weekday name → 0 (Sunday) .. 6. */
  weekdays: ReadonlyMap<string, number>;
  /** "yesterday" → -1, "today" → 0, "tomorrow" → 1: one-word forms only. */
  relative: ReadonlyMap<string, number>;
}

const calendars = new Map<string, Calendar | undefined>();

/**
 * The weekdays and relative days of `lang` as the runtime's ICU writes them (long names, and short
 * ones of three letters or more), for languages that chrono-node does not read; undefined where
 * ICU has no data for the language (it would answer in English).
 */
export function buildCalendar(lang: string): Calendar | undefined {
  if (calendars.has(lang)) return calendars.get(lang);
  let built: Calendar | undefined;
  if (Intl.DateTimeFormat.supportedLocalesOf(lang).length) {
    const weekdays = new Map<string, number>();
    const one = (s: string) => {
      const t = tokenize(s);
      return t.length === 1 && !DIGIT.test(t[0]!.key) ? t[0]!.key : undefined;
    };
    for (let d = 0; d < 7; d++)
      for (const weekday of ['long', 'short'] as const) {
        const name = new Intl.DateTimeFormat(lang, { timeZone: 'UTC', weekday }).format(
          new Date(Date.UTC(2024, 0, 7 + d)),
        );
        const key = one(name);
        if (key && key.length >= 3) weekdays.set(key, d);
      }
    const relative = new Map<string, number>();
    const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    for (const n of [-2, -1, 0, 1, 2]) {
      const key = one(rtf.format(n, 'day'));
      if (key) relative.set(key, n);
    }
    built = { weekdays, relative };
  }
  calendars.set(lang, built);
  return built;
}
