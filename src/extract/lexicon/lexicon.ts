/**
 * @module extract/lexicon
 * Loads the cue lexicons (data/lexicons/<lang>.yaml, one per language) and compiles every cue of
 * every language into one phrase trie, so a sentence is scanned once whatever its language. A file
 * that fails validation is reported and skipped: one bad lexicon must not stop extraction.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { dataPath } from '../../paths.js';
import { compileDatePatterns, type DatePattern } from '../dates/date-patterns.js';
import { PhraseTrie } from '../text/trie.js';
import { phraseKeys } from '../text/tokens.js';

/** What a cue says about the sentence it is in (see data/lexicons/README.md). */
export const cueKinds = [
  'travel', // going somewhere: visit, trip, travel to
  'arrive', // arrival or presence: arrived, landed, is in → under way
  'present', // a visit happening now: is visiting, besucht → under way
  'future', // announced: will, is expected to, plans → planned
  'past', // history: visited, last trip → completed
  'depart', // left, flew out of, ended the visit: the trip to that place is over → completed
  'cancel', // skip, call off, will not attend → cancelled
  'remote', // by video link → remote
  'hypothetical', // if he travels, would arrest → none
  'legal', // a state's legal position: immunity, would comply → none
  'overflight', // airspace, flying over: a country crossed or avoided, never a destination → none
  'denial', // no visit was ever planned → none
  'negation', // not, never: turns a following travel cue into a cancellation
  'origin', // from: the country left behind
  'attributive', // words after a country that make it a label: "US President", "Israeli officials"
  'warrant', // the noun: arrest warrant
  'issue', // the verb: issued
  'call', // urge, demand, request (a state to arrest)
  'arrestVerb', // arrest, detain, hand over
  'arrested', // was arrested, detained (an arrest that happened)
  'protest', // protest, demonstrators
  'pronoun', // he, him, his: refer back to the last named subject
  'speech', // said, announced: a day right after it dates the announcement, not the trip
  'conflict', // war on, invasion of: the place that follows is a battlefield, not a destination
  'conjunction', // and, but: before a tense cue it starts a new clause
  'relative', // where: the clause it opens is about the place just before it
  'gathering', // summit, forum, ceremony: a sentence about the event may date the trip to it
  'returning', // upon returning from: the day beside it ends the trip to the place that follows
  'host', // welcomed, received: a leader named before it hosts the person named after it
  'guest', // was welcomed by: the person named before it is the guest of the leader after it
  'anaphor', // the country: the one country named just before
  'after', // after: a stay it introduces ("after two days in Seoul") is left behind
  'meet', // meet, talks with: the person met is where the meeting is ("flew to Alaska to meet Putin")
] as const;
export type CueKind = (typeof cueKinds)[number];

const phrases = z.array(z.string().min(1)).default([]);

export const lexiconSchema = z
  .object({
    lang: z.string().regex(/^[a-z]{2,3}$/),
    /** chrono-node locale for dates written in this language, when it has one. */
    chrono: z.string().optional(),
    cues: z
      .object(Object.fromEntries(cueKinds.map((k) => [k, phrases])) as Record<CueKind, typeof phrases>)
      .partial(),
    /** Descriptions naming an office holder: "presidente russo" → head of state of RU. */
    titles: z
      .array(z.object({ text: z.string().min(1), country: z.string().length(2), kind: z.string() }).strict())
      .default([]),
    /** Closed-class words the rules need (see data/lexicons/README.md). */
    words: z
      .object({
        articles: phrases,
        possessives: phrases,
        auxiliaries: phrases,
        of: phrases,
        infinitive: phrases,
        stay: phrases,
        particles: phrases,
      })
      .strict()
      .partial()
      .default({}),
    /** Number words and their values, for durations ("three": 3). */
    numbers: z.record(z.string().min(1), z.number().int().min(1).max(31)).default({}),
    /** How long a visit lasts: regular expressions where `{n}` stands for a number. */
    durations: phrases,
    /** Date formats chrono-node does not read (see date-patterns.ts), and words about days. */
    dates: z
      .object({
        months: z.array(z.string().min(1)).length(12).optional(),
        patterns: phrases,
        casual: phrases,
        periods: phrases,
      })
      .strict()
      .optional(),
    /** Places spelled in this language that the country and city tables miss (exonyms, venues). */
    places: z
      .array(
        z
          .object({ text: z.string().min(1), iso2: z.string().length(2), city: z.string().optional() })
          .strict(),
      )
      .default([]),
  })
  .strict();
export type Lexicon = z.infer<typeof lexiconSchema>;

export interface Cue {
  kind: CueKind;
  lang: string;
}

export interface Lexicons {
  all: Lexicon[];
  cues: PhraseTrie<Cue>;
  /** Every language's date patterns, compiled. */
  datePatterns: DatePattern[];
  /** Files that failed validation, with the reason; they were skipped. */
  problems: string[];
}

export const defaultLexiconDir = dataPath('lexicons');

/** A cue phrase as trie keys; a trailing `*` survives tokenisation as a prefix mark. */
export function cueKeys(phrase: string): string[] {
  const star = phrase.endsWith('*');
  const keys = phraseKeys(star ? phrase.slice(0, -1) : phrase);
  if (star && keys.length) keys[keys.length - 1] += '*';
  return keys;
}

/** Compiles already parsed lexicons. */
export function compileLexicons(all: Lexicon[], problems: string[] = []): Lexicons {
  const cues = new PhraseTrie<Cue>();
  for (const lex of all)
    for (const kind of cueKinds)
      for (const phrase of lex.cues[kind] ?? []) {
        cues.add(cueKeys(phrase), { kind, lang: lex.lang });
        // A departure is told in the past: the rules that read past cues read it too.
        if (kind === 'depart') cues.add(cueKeys(phrase), { kind: 'past', lang: lex.lang });
      }
  const datePatterns = all.flatMap((l) => (l.dates ? compileDatePatterns(l.lang, l.dates, problems) : []));
  return { all, cues, datePatterns, problems };
}

/** Reads and validates every `*.yaml` in `dir`. */
export function loadLexicons(dir = defaultLexiconDir): Lexicons {
  const all: Lexicon[] = [];
  const problems: string[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const parsed = lexiconSchema.safeParse(parse(readFileSync(join(dir, file), 'utf8')));
    if (parsed.success) all.push(parsed.data);
    else
      problems.push(
        `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
      );
  }
  return compileLexicons(all, problems);
}
