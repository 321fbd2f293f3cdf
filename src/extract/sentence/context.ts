/**
 * @module extract/sentence/context
 * What the rules may ask about the article being read: its tokens, publication date and languages,
 * the days of a sentence (parsed on first request only, since date parsing is the costly step),
 * and registry facts about a subject (nationality, the territory of the crimes he is charged with).
 */
import type { Registry } from '../../registry/index.js';
import {
  readDates,
  statedDuration,
  type DayLexicon,
  type DayMention,
  type SentenceDates,
  type TimeMention,
} from '../dates/index.js';
import type { DateLanguages, Lexicons } from '../lexicon/index.js';
import type { Facts } from './types.js';
import { withoutDateline } from './datelines.js';
import type { Token } from '../text/index.js';

export interface Context {
  text: string;
  tokens: readonly Token[];
  published: string | null;
  /** The closed-class words of the lexicons (articles, possessives, ...). */
  words: Lexicons['words'];
  genitives: Lexicons['genitives'];
  /** Days a visit lasts when the sentence says so ("a two-day visit"). */
  duration(f: Facts): number | undefined;
  days(f: Facts): DayMention[];
  /** Times the sentence names without a day ("last year"), where they lie from publication. */
  times(f: Facts): TimeMention[];
  nationality(subjectId: string): string | undefined;
  /** Whether the article's language puts the verb before its subject (lexicon `verbFirst`). */
  verbFirst: boolean;
  /** Whether the article tells an arrest: the Court's seat is a destination only after one. */
  arrestTold: boolean;
  crimeScene(subjectId: string): ReadonlySet<string>;
  /** Where and on which day the story was filed, when a dated dateline opens it
   * ("ULAN BATOR, September 2. /TASS/."); null otherwise. */
  dateline(): { iso2: string; day: string } | null;
}

export interface SubjectFacts {
  nationality: ReadonlyMap<string, string>;
  crimeScene: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Per-subject facts, computed once per extractor. */
export function subjectFacts(reg: Registry): SubjectFacts {
  const nationality = new Map<string, string>();
  const crimeScene = new Map<string, Set<string>>();
  for (const s of reg.subjects.values()) {
    if (s.nationality) nationality.set(s.id, s.nationality);
    const scene = new Set<string>();
    for (const w of reg.warrantsBySubject.get(s.id) ?? [])
      for (const iso2 of reg.situations.get(w.situation)?.territory ?? []) scene.add(iso2);
    crimeScene.set(s.id, scene);
  }
  return { nationality, crimeScene };
}

/**
 * The International Criminal Court sits in The Hague: the Netherlands are named in most articles
 * as its seat ("the Hague-based court", "surrender him to The Hague"), and are a destination only
 * of a person arrested and transferred there.
 */
export const COURT_SEAT = 'NL';

const EMPTY: ReadonlySet<string> = new Set();

export function makeContext(
  text: string,
  tokens: readonly Token[],
  published: string | null,
  langs: DateLanguages,
  subjects: SubjectFacts,
  lex: DayLexicon & Pick<Lexicons, 'words' | 'genitives' | 'durations' | 'verbFirst'>,
  arrestTold: boolean,
  facts: readonly Facts[] = [],
  own: ReadonlySet<string> = new Set(),
): Context {
  const ours = { ...lex, datePatterns: lex.datePatterns.filter((p) => langs.formats.has(p.lang)) };
  const durationsOfOurs = lex.durations.filter((p) => langs.formats.has(p.lang));
  const cache = new Map<Facts, SentenceDates & { filed: DayMention[] }>();
  const durations = new Map<Facts, number | undefined>();
  // Dates are read on first request only: date parsing is the costly step.
  const dates = (f: Facts) => {
    let d = cache.get(f);
    if (!d) {
      const words = tokens.slice(f.from, f.to);
      const read = readDates(
        f.sentence.text,
        f.sentence.start,
        langs.chrono,
        published,
        ours,
        words,
        langs.calendars,
      );
      const days = withoutDateline(read.days, f, text, tokens);
      cache.set(f, (d = { days, times: read.times, filed: read.days.filter((x) => !days.includes(x)) }));
    }
    return d;
  };
  return {
    text,
    tokens,
    published,
    words: lex.words,
    genitives: lex.genitives,
    duration: (f) => {
      if (!durations.has(f)) durations.set(f, statedDuration(f.sentence.text, durationsOfOurs));
      return durations.get(f);
    },
    days: (f) => dates(f).days,
    times: (f) => dates(f).times,
    nationality: (id) => subjects.nationality.get(id),
    arrestTold,
    verbFirst: [...own].some((l) => lex.verbFirst.has(l)),
    crimeScene: (id) => subjects.crimeScene.get(id) ?? EMPTY,
    dateline: () => {
      const opening = facts.find((f) => f.places.some((p) => p.dateline));
      const place = opening?.places.find((p) => p.dateline);
      const day = opening && dates(opening).filed[0];
      return place && day && !day.weekday ? { iso2: place.iso2, day: day.start } : null;
    },
  };
}
