/**
 * @module extract/trip-place
 * What the trip rules ask of one place in one sentence: may it be a destination of this subject
 * at all, which day of the sentence dates it, and how that day refines the status.
 */
import type { TripStatus } from '../model.js';
import type { Context } from './context.js';
import { addDays, placeWeekday, type DayMention } from './dates.js';
import type { Facts, Place } from './facts.js';
import { hosts } from './hosts.js';

/** A trip status, or 'undated': a travel word whose tense only the day can tell. */
export type Status = TripStatus | 'undated';

/** Refines a status with the day of the trip relative to the publication date. */
export function dated(
  status: Status,
  start: string | null,
  published: string | null,
): TripStatus | undefined {
  if (!start || !published) return status === 'undated' ? undefined : status;
  const rel = start < addDays(published, -2) ? 'before' : start > published ? 'after' : 'now';
  if (status === 'under_way') return rel === 'before' ? 'completed' : rel === 'after' ? 'planned' : status;
  if (status === 'planned' && start === published) return 'under_way';
  if (status === 'planned' && rel === 'before') return 'completed';
  if (status === 'completed' && start === published) return 'under_way';
  if (status === 'undated') return rel === 'before' ? 'completed' : rel === 'after' ? 'planned' : 'under_way';
  return status;
}

/** The day nearest to the place, a bare weekday placed in the direction of the tense. */
export function dayFor(
  place: Place,
  days: readonly DayMention[],
  f: Facts,
  ctx: Context,
  status: Status,
): DayMention | undefined {
  const at = ctx.tokens[place.from]!.start;
  // "authorities said Wednesday": that day dates the announcement.
  const speech = f.cues.filter((c) => c.kind === 'speech').map((c) => ctx.tokens[c.to - 1]!.end);
  const announced = (d: DayMention) =>
    speech.some((end) => d.at >= end && /^\s*(?:\p{L}{1,3}\s+)?$/u.test(ctx.text.slice(end, d.at)));
  const day = days.filter((d) => !announced(d)).sort((a, b) => Math.abs(a.at - at) - Math.abs(b.at - at))[0];
  if (!day || day.weekday === undefined) return day;
  // A weekday beside a cancellation usually dates the announcement, not the trip.
  if (!ctx.published || status === 'cancelled' || status === 'remote') return undefined;
  const start = placeWeekday(day.weekday, ctx.published, status === 'planned' ? 'forward' : 'backward');
  // "on Wednesday and Thursday": the next weekday in the sentence ends the visit.
  const next = days.find((d) => d.at > day.at && d.weekday !== undefined);
  const end = next ? placeWeekday(next.weekday!, start, 'forward') : null;
  return { at: day.at, start, end: end && end !== start && end <= addDays(start, 6) ? end : null };
}

export function usable(place: Place, f: Facts, ctx: Context, subjectId: string, status: Status): boolean {
  if (place.conflict || place.dateline || place.iso2 === ctx.nationality(subjectId)) return false;
  // "Jordan's King welcomed him": a label of a leader is a place only where he hosts a real visit.
  if (place.attributive && (status === 'none' || !hosts(place, f, ctx, subjectId))) return false;
  const scene = ctx.crimeScene(subjectId);
  if (scene.has(place.iso2) && (status === 'none' || besideDestination(place, f, ctx, subjectId, status)))
    return false;
  // "Ukraine asked Brazil to arrest him": the state that speaks before a call is not a destination.
  const call = f.cues.find((c) => c.kind === 'call');
  return !call || place.from > call.from || f.clauses[call.from - f.from] !== place.clause;
}

/**
 * The scene of the alleged crimes is named in most articles as background: "is visiting Mongolia
 * while his troops remain in Ukraine". When its clause names another destination, that one is where
 * he goes, unless the two are listed together ("visited Belarus and occupied Ukraine").
 */
function besideDestination(place: Place, f: Facts, ctx: Context, subjectId: string, status: Status): boolean {
  const scene = ctx.crimeScene(subjectId);
  return f.places.some(
    (p) =>
      p.clause === place.clause &&
      !scene.has(p.iso2) &&
      !p.origin &&
      !listed(p, place, f) &&
      usable(p, f, ctx, subjectId, status),
  );
}

/** Two places joined by "and" with at most one word more: "Belarus and occupied Ukraine". */
function listed(a: Place, b: Place, f: Facts): boolean {
  const [first, second] = a.from < b.from ? [a, b] : [b, a];
  const between = second.from - first.to;
  return (
    between > 0 &&
    between <= 2 &&
    f.cues.some((c) => c.kind === 'conjunction' && c.from >= first.to && c.to <= second.from)
  );
}
