/**
 * @module extract/trip-place
 * What the trip rules ask of one place in one sentence: may it be a destination of this subject
 * at all, and how the day that dates it (trip-day.ts) refines the status.
 */
import type { TripStatus } from '../../model.js';
import type { Context, Facts, Place } from '../sentence/index.js';
import { addDays } from '../dates/index.js';
import { hosts } from './hosts.js';
import { caller, listed, speaker } from './callers.js';

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

/**
 * The International Criminal Court sits in The Hague: the Netherlands are named in most articles
 * as its seat ("the Hague-based court", "surrender him to The Hague"), and are a destination only
 * of a person arrested and transferred there.
 */
export const COURT_SEAT = 'NL';
const ARREST_TALK = ['arrestVerb', 'arrested'] as const;

export function usable(place: Place, f: Facts, ctx: Context, subjectId: string, status: Status): boolean {
  if (place.conflict || place.dateline || place.iso2 === ctx.nationality(subjectId)) return false;
  // Once arrested, he is flown there; before, only a sentence about his arrest links him to it,
  // as a hypothetical ("would be flown to The Hague if captured").
  if (
    place.iso2 === COURT_SEAT &&
    !ctx.arrestTold &&
    (status !== 'none' || !ARREST_TALK.some((k) => f.kinds.has(k)))
  )
    return false;
  // "Jordan's King welcomed him": a label of a leader is a place only where he hosts a real visit.
  if (place.attributive && (status === 'none' || !hosts(place, f, ctx, subjectId))) return false;
  const scene = ctx.crimeScene(subjectId);
  if (scene.has(place.iso2) && (status === 'none' || besideDestination(place, f, ctx, subjectId, status)))
    return false;
  return !caller(place, f) && (status === 'none' || !speaker(place, f, ctx));
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
