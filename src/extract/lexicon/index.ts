/**
 * @module extract/lexicon
 * What each language contributes (data/lexicons/<lang>.yaml): the schema, the compiled form the
 * rules read, the reader of the files, calendar words and the language vote.
 */
export { buildCalendar, buildDayWords, mayNameDay, type Calendar, type DayWords } from './calendar.js';
export { compileLexicons, cueKeys, WordSet, type DurationPattern, type Lexicons } from './compile.js';
export { compileDatePatterns, type DatePattern, type DateSpec } from './dates.js';
export { articleLanguages, cueVotes, cuesIn, dateLanguages, type DateLanguages } from './language.js';
export { defaultLexiconDir, LexiconDataError, loadLexicons, readLexicons, validateLexicon } from './load.js';
export {
  cueKinds,
  lexiconSchema,
  markerSides,
  wordKinds,
  type Cue,
  type CueKind,
  type Lexicon,
  type WordKind,
} from './schema.js';
