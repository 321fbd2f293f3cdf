/**
 * @module extract/trips/temporal
 * Status is a question of time: when does the presence a sentence reports lie relative to the
 * publication day? Decided here, in this order, each step refining the one before:
 * 1. the cues of the place's clause (`cueStatus`): what happens, a journey, an arrival, a
 *    departure, a cancellation, attendance by video, a condition or a denial, and its tense where
 *    the language marks one. Kinds are data (data/lexicons): a new language adds words, not code.
 * 2. the day of the trip (trip-day.ts), placed against publication (`dated`): a day before
 *    publication is history, one after it a plan, whatever the tense said;
 * 3. without a day, a time named without one ("last year", "in March 2023", "two weeks ago") or a
 *    year beside the trip ("in 2018", "his 2017 trip"), the same way (`timed`).
 * 4. a plan whose only announcement is an invitation, with no day, time or event to it, is an
 *    open invitation (`openInvitation`): no trip yet, `none`.
 * Cancellations, attendance by video and `none` stand whatever the time.
 */
import type { TripStatus } from '../../model.js';
import { addDays, type TimeMention } from '../dates/index.js';
import type { CueKind } from '../lexicon/index.js';
import type { Context, Facts, Place } from '../sentence/index.js';

/** A trip status, or 'undated': a travel word whose tense only the day can tell. */
export type Status = TripStatus | 'undated';

// A gathering he is named at is a journey there too: "the Trump-Putin summit in Budapest was called off".
const MOVES = ['travel', 'arrive', 'present', 'past', 'cancel', 'remote', 'gathering'] as const;

/** The status cues give, before the date is known; undefined when they tell no trip. */
export function cueStatus(k: ReadonlySet<CueKind>): Status | undefined {
  if (k.has('remote')) return 'remote';
  if (k.has('cancel')) return 'cancelled';
  if (k.has('hypothetical') || k.has('legal') || k.has('overflight')) return 'none';
  // "No plans to go to Austria": a denial outweighs the plan words it negates, not a reported arrival.
  if (k.has('denial') && !k.has('past') && !k.has('arrive')) return 'none';
  if (!MOVES.some((m) => k.has(m))) return undefined;
  if (k.has('arrive') || k.has('present')) return 'under_way';
  if (k.has('future')) return 'planned';
  if (k.has('past')) return 'completed';
  return 'undated';
}

/**
 * Refines a status with the day of the trip relative to the publication date. A plan for the day
 * of publication itself is still a plan: not begun when written.
 */
export function dated(
  status: Status,
  start: string | null,
  published: string | null,
): TripStatus | undefined {
  if (!start || !published) return status === 'undated' ? undefined : status;
  const rel = start < addDays(published, -2) ? 'before' : start > published ? 'after' : 'now';
  if (status === 'under_way') return rel === 'before' ? 'completed' : rel === 'after' ? 'planned' : status;
  if (status === 'planned' && rel === 'before') return 'completed';
  if (status === 'completed' && start === published) return 'under_way';
  if (status === 'undated') return rel === 'before' ? 'completed' : rel === 'after' ? 'planned' : 'under_way';
  return status;
}

/**
 * Refines a status with a time named without a day: before publication is history, after it a
 * plan. An arrival "last week" may still be under way: without a day, nobody knows how long.
 */
export function timed(status: Status, relation: TimeMention['relation'] | undefined): TripStatus | undefined {
  if (relation === 'before' && (status === 'planned' || status === 'undated')) return 'completed';
  if (relation === 'after' && (status === 'under_way' || status === 'undated')) return 'planned';
  return status === 'undated' ? undefined : status;
}

const YEAR = /\b(?:19|20)\d\d\b/gu;
// A year beside these dates something else: "the 2023 warrant", "since the 2022 invasion".
const NOT_THE_TRIP = new Set<CueKind>([
  'warrant',
  'issue',
  'conflict',
  'legal',
  'call',
  'arrestVerb',
  'arrested',
]);
const REACH = 2;
// A time further from the place than this many words dates something else of the clause.
const TIME_REACH = 8;

/**
 * Where the time of the trip to `place` lies, when its clause names no day: the nearest time named
 * without a day, or a year beside the trip (one next to a warrant or a war dates that instead).
 */
export function timeOf(place: Place, f: Facts, ctx: Context): TimeMention['relation'] | undefined {
  if (!ctx.published) return undefined;
  const first = f.from + f.clauses.indexOf(place.clause);
  const last = f.from + f.clauses.lastIndexOf(place.clause);
  const [from, to] = [ctx.tokens[first]!.start, ctx.tokens[last]!.end];
  const at = ctx.tokens[place.from]!.start;
  const near = (a: { at: number }, b: { at: number }) => Math.abs(a.at - at) - Math.abs(b.at - at);
  const times: TimeMention[] = ctx.times(f).filter((t) => t.at >= from && t.at < to);
  const year = Number(ctx.published.slice(0, 4));
  for (const m of ctx.text.slice(from, to).matchAll(YEAR)) {
    const offset = from + m.index;
    const i = tokenAt(ctx, f, offset);
    const beside = f.cues.some(
      (c) => NOT_THE_TRIP.has(c.kind) && c.to > i - REACH - 1 && c.from <= i + REACH,
    );
    const y = Number(m[0]);
    if (!beside) times.push({ at: offset, relation: y < year ? 'before' : y > year ? 'after' : 'around' });
  }
  const close = times.filter((t) => Math.abs(tokenAt(ctx, f, t.at) - place.from) <= TIME_REACH);
  return close.sort(near)[0]?.relation ?? opening(f, ctx);
}

/**
 * "Last week, Shoigu met Kim in Pyongyang": a time that is a clause of its own at the start of the
 * sentence dates all of it.
 */
function opening(f: Facts, ctx: Context): TimeMention['relation'] | undefined {
  const end = f.clauses.indexOf(1);
  if (end <= 0) return undefined;
  const [from, to] = [ctx.tokens[f.from]!.start, ctx.tokens[f.from + end - 1]!.end];
  const time = ctx.times(f).find((t) => t.at >= from && t.at < to);
  // Nothing but the time and a word or two around it ("Earlier this month,").
  return time && end <= 4 ? time.relation : undefined;
}

/** The index of the token at character `offset` of the sentence `f`. */
function tokenAt(ctx: Context, f: Facts, offset: number): number {
  let i = f.from;
  while (i < f.to - 1 && ctx.tokens[i]!.end <= offset) i++;
  return i;
}

/**
 * "Orbán invited Netanyahu to Hungary": an invitation is a plan only once it names a day, a time or
 * an event ("invited to the summit in August"), or he accepts it; until then no trip is announced.
 * Asked of a plan without a day or time: whether every plan word of the place's clause is one.
 */
export function openInvitation(f: Facts, place: Place): boolean {
  const inClause = (c: { from: number }) => f.clauses[c.from - f.from] === place.clause;
  const invites = f.cues.filter((c) => c.kind === 'invite' && inClause(c));
  if (!invites.length || f.kinds.has('gathering')) return false;
  // "Would invite", "will invite": the modal is the invitation's; so is the infinitive of what he
  // is invited to do ("invited Netanyahu to visit").
  const ofInvitation = (c: { from: number; to: number }) =>
    invites.some(
      (i) =>
        (c.from >= i.from && c.to <= i.to) ||
        (c.to <= i.from && i.from - c.to <= 1) ||
        (c.from >= i.to && c.from - i.to <= INVITED_REACH),
    );
  return f.cues.every((c) => c.kind !== 'future' || !inClause(c) || ofInvitation(c));
}
// "Invited Israeli Prime Minister Benjamin Netanyahu to": its infinitive this many words on at most.
const INVITED_REACH = 8;
