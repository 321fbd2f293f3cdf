/**
 * @module extract/lexicon/schema
 * What a lexicon file holds (data/lexicons/README.md): cue phrases by kind, closed-class words,
 * number words and durations, date formats, office descriptions and places. Validated with zod.
 */
import { z } from 'zod';

/** What a cue says about the sentence it is in (see data/lexicons/README.md). */
export const cueKinds = [
  'travel', // going somewhere: visit, trip, travel to
  'arrive', // arrival or presence: arrived, landed, is in → under way
  'present', // a visit happening now: is visiting, besucht → under way
  'future', // announced: will, is expected to, plans → planned
  'invite', // invited, invitation: a plan once it has a day or an event, else an open invitation → none
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

/** Closed-class words the rules need, by what they are for (see data/lexicons/README.md). */
export const wordKinds = [
  'articles', // may open an office description: "the Russian president"
  'possessives', // "his spokesman": the person named owns, he does not act
  'auxiliaries', // between a speaking state and its verb: "Berlin has warned"
  'of', // join an event to its host: "the inauguration of Iran's president"
  'infinitive', // a headline's plan: "Putin to visit Turkey"
  'stay', // units of a stay: "after two days in Seoul"
  'particles', // lower-case particles inside names: "al-Bashir", "bin Salman"
  'offices', // office words too common to find a person by: president, minister, chief
  'endings', // glued to names and places: case endings, particles ("Putina", "푸틴은")
  'fromEndings', // those endings that say the place was left ("Moszkvából")
  'inserts', // adverbs that may stand inside a cue phrase: "a notamment visité", "has also arrived"
  'features', // waters named after a place: sea, strait, gulf, bay ("the Strait of Gibraltar")
  'homographs', // names of places that are common words of the language: Urdu "شام" (evening, Syria)
  'capital', // the word for a capital city: "the Mongolian capital" is Ulaanbaatar
] as const;
export type WordKind = (typeof wordKinds)[number];

const phrases = z.array(z.string().min(1)).default([]);

export const lexiconSchema = z
  .object({
    lang: z.string().regex(/^[a-z]{2,3}$/),
    /** chrono-node locale for dates written in this language, when it has one. */
    chrono: z.string().optional(),
    cues: z
      .object(Object.fromEntries(cueKinds.map((k) => [k, phrases])) as Record<CueKind, typeof phrases>)
      .strict()
      .partial(),
    /** Descriptions naming an office holder: "presidente russo" → head of state of RU. */
    titles: z
      .array(z.object({ text: z.string().min(1), country: z.string().length(2), kind: z.string() }).strict())
      .default([]),
    /** Closed-class words the rules need (see data/lexicons/README.md). */
    words: z
      .object(Object.fromEntries(wordKinds.map((k) => [k, phrases])) as Record<WordKind, typeof phrases>)
      .strict()
      .partial()
      .default({}),
    /** Markers written on the other side of their place than by default (see `markerSides`). */
    sides: z
      .object({
        origin: z.enum(['before', 'after']),
        conflict: z.enum(['before', 'after']),
        attributive: z.enum(['before', 'after']),
      })
      .strict()
      .partial()
      .default({}),
    /**
     * The `endings` of `words` replace the end of a name ("Mongolia", "w Mongolii"), so names and
     * text are both compared without them; else they are added to the whole name ("Budapesten").
     */
    stems: z.boolean().default(false),
    /**
     * News sentences put the verb before its subject ("وصل شويغو إلى بيونغ يانغ", arrived Shoigu in
     * Pyongyang): the person named right after a travel verb is the one who travels.
     */
    verbFirst: z.boolean().default(false),
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
        relative: phrases,
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

/**
 * Kinds that mark the place next to them, and the side of the place they stand on by default:
 * "from Hungary", "war in Ukraine", "US President". A language may write them on the other side
 * (`sides` in its lexicon): "モンゴルから", "ウクライナ侵攻", "رئیس جمهور ترکیه".
 */
export const markerSides = { origin: 'before', conflict: 'before', attributive: 'after' } as const;
export type MarkerKind = keyof typeof markerSides;

/** A cue phrase's meaning: its kind, and the language it counts in. */
export interface Cue {
  kind: CueKind;
  lang: string;
  /** A marker (see `markerSides`) written on the other side of its place in this language. */
  flipped?: true;
}
