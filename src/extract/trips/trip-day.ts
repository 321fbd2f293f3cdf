/**
 * @module extract/trip-day
 * Which day of a sentence dates the trip to one place: the nearest, but not one that dates an
 * announcement ("said Wednesday"), the act of another clause ("a court ordered on Sunday his
 * arrest") or another leg ("arrived in Hanoi on Wednesday and will go on to Laos"). A bare
 * weekday is placed before or after publication by the tense.
 */
import type { Context, Facts, Place } from '../sentence/index.js';
import { addDays, placeWeekday, type DayMention } from '../dates/index.js';
import type { CueKind } from '../lexicon/index.js';
import type { Status } from './temporal.js';

/** The day nearest to the place, a bare weekday placed in the direction of the tense. */
export function dayFor(
  place: Place,
  days: readonly DayMention[],
  f: Facts,
  ctx: Context,
  status: Status,
): DayMention | undefined {
  const at = ctx.tokens[place.from]!.start;
  const day = days
    .filter((d) => !datesAnotherAct(d, place, f, ctx))
    .sort((a, b) => Math.abs(a.at - at) - Math.abs(b.at - at))[0];
  if (!day || day.weekday === undefined) return day;
  // A weekday beside a cancellation usually dates the announcement, not the trip.
  if (!ctx.published || status === 'cancelled' || status === 'remote') return undefined;
  const start = placeWeekday(day.weekday, ctx.published, status === 'planned' ? 'forward' : 'backward');
  // "on Wednesday and Thursday": the next weekday in the sentence ends the visit, unless another
  // place comes between ("to Riyadh on Tuesday and to Abu Dhabi on Wednesday").
  const next = days.find((d) => d.at > day.at && d.weekday !== undefined);
  const leg =
    next &&
    f.places.some((p) => (p.iso2 !== place.iso2 || p.city !== place.city) && within(p, day.at, next.at, ctx));
  const end = next && !leg ? placeWeekday(next.weekday!, start, 'forward') : null;
  return { at: day.at, start, end: end && end !== start && end <= addDays(start, 6) ? end : null };
}

const within = (p: Place, from: number, to: number, ctx: Context) =>
  ctx.tokens[p.from]!.start > from && ctx.tokens[p.from]!.start < to;

// Acts that a day in their own clause dates instead of the trip: "a court ordered on Sunday his arrest".
const ACTS = new Set<CueKind>(['call', 'speech', 'issue']);
const MOVES = new Set<CueKind>(['travel', 'arrive', 'present', 'past', 'future', 'cancel', 'remote']);
// "said Wednesday", "said on Wednesday", "told reporters on Wednesday"; "on Tuesday said", "on March 3 announced".
const AFTER_SPEECH = /^\s*(?:\p{Ll}+\s+)?(?:\p{L}{1,3}\s+)?$/u;
const BEFORE_SPEECH = /^[\p{L}\p{N}]+(?:[\s.]+[\p{L}\p{N}]+){0,2}\.?\s+$/u;

/** Whether the day dates an announcement beside it, or the act of another clause. */
function datesAnotherAct(d: DayMention, place: Place, f: Facts, ctx: Context): boolean {
  const speech = f.cues.filter((c) => c.kind === 'speech');
  const spoken = speech.some((c) => {
    const [start, end] = [ctx.tokens[c.from]!.start, ctx.tokens[c.to - 1]!.end];
    if (d.at >= end) return AFTER_SPEECH.test(ctx.text.slice(end, d.at));
    return d.at < start && BEFORE_SPEECH.test(ctx.text.slice(d.at, start));
  });
  return spoken || otherAct(d, place, f, ctx);
}

/**
 * Whether the day belongs to another verb phrase that names another place, or sits in another
 * clause than the place, one that tells another act and no travel.
 */
function otherAct(d: DayMention, place: Place, f: Facts, ctx: Context): boolean {
  let i = f.from;
  while (i < f.to - 1 && ctx.tokens[i]!.end <= d.at) i++;
  // "arrived in Hanoi on Wednesday and will go on to Laos": another verb phrase, another place.
  const phrase = f.phrases[i - f.from];
  const phraseOf = (p: Place) => f.phrases[p.from - f.from];
  if (phrase !== phraseOf(place) && f.places.some((p) => phraseOf(p) === phrase && p.iso2 !== place.iso2))
    return true;
  const clause = f.clauses[i - f.from];
  if (clause === place.clause) return false;
  const cues = f.cues.filter((c) => f.clauses[c.from - f.from] === clause);
  return cues.some((c) => ACTS.has(c.kind)) && !cues.some((c) => MOVES.has(c.kind));
}
