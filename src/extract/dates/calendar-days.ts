/**
 * @module extract/dates/calendar-days
 * Weekdays and relative days ("w poniedziałek", "jana", "hétfőn", "kahapon") in languages that
 * chrono-node does not read, from the runtime's ICU names (lexicon/calendar.ts). A word is compared
 * as a name of its language is (text/endings.ts), so inflected weekdays ("w środę") meet too.
 */
import { buildCalendar, type Lexicons } from '../lexicon/index.js';
import { toKnown, withoutEnding, type Token } from '../text/index.js';
import { addDays, type DayMention } from './day.js';

type Day = { weekday: number } | { relative: number };
const readers = new Map<string, ((key: string) => Day | undefined) | undefined>();

/** How a language's words name days; built on first use (one lexicon set per process). */
function readerFor(lang: string, inflections: Lexicons['inflections']) {
  if (readers.has(lang)) return readers.get(lang);
  const calendar = buildCalendar(lang);
  let reader: ((key: string) => Day | undefined) | undefined;
  if (calendar) {
    const days = new Map<string, Day>();
    for (const [k, weekday] of calendar.weekdays) days.set(k, { weekday });
    for (const [k, relative] of calendar.relative) days.set(k, { relative });
    const inflection = inflections.get(lang);
    if (inflection?.stems) {
      const stems = new Map([...days].map(([k, d]) => [withoutEnding(k, inflection.endings), d]));
      reader = (key) => stems.get(withoutEnding(key, inflection.endings));
    } else if (inflection) {
      const known = new Set(days.keys());
      reader = (key) => days.get(toKnown(key, inflection.endings, known));
    } else reader = (key) => days.get(key);
  }
  readers.set(lang, reader);
  return reader;
}

/** The days the `tokens` of a sentence name in the `langs` calendars; none without a publication date. */
export function calendarDays(
  tokens: readonly Token[],
  langs: readonly string[],
  published: string | null,
  inflections: Lexicons['inflections'],
): DayMention[] {
  if (!published) return [];
  const out: DayMention[] = [];
  for (const lang of langs) {
    const read = readerFor(lang, inflections);
    if (!read) continue;
    for (const t of tokens) {
      const day = read(t.key);
      // A weekday waits for the tense to place it; "yesterday" counts from the publication date.
      if (!day) continue;
      if ('weekday' in day) out.push({ at: t.start, start: published, end: null, weekday: day.weekday });
      else out.push({ at: t.start, start: addDays(published, day.relative), end: null });
    }
  }
  return out;
}
