/**
 * @module extract/dates
 * Finding days in text (chrono-node and the lexicons' own formats), placing weekdays, and stated
 * durations of a visit.
 */
export {
  addDays,
  findDays,
  readDates,
  inThePast,
  isoOf,
  placeWeekday,
  type DayLexicon,
  type DayMention,
  type SentenceDates,
  type TimeMention,
} from './dates.js';
export { statedDuration } from './durations.js';
