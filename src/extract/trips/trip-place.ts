/**
 * @module extract/trips/trip-place
 * What the trip rules ask of one place in one sentence: may it be a destination of this subject
 * at all.
 */
import { COURT_SEAT, type Context, type Facts, type Place } from '../sentence/index.js';
import { hosts } from './hosts.js';
import { caller, listed, speaker } from './callers.js';
import { memberOfList } from './members.js';
import type { Status } from './temporal.js';

const ARREST_TALK = ['arrestVerb', 'arrested'] as const;

export function usable(place: Place, f: Facts, ctx: Context, subjectId: string, status: Status): boolean {
  if (place.conflict || place.iso2 === ctx.nationality(subjectId)) return false;
  if (place.dateline && !sceneOfStory(place, f, status)) return false;
  if (memberOfList(place, f, ctx)) return false;
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

// What he does there, told under the dateline: attends, is present, has arrived (not where he goes).
const PRESENCE = new Set<Status>(['under_way', 'completed']);

/**
 * "KAMPALA - Diplomats walked out of the ceremony because al-Bashir was in attendance": a story
 * filed from a place is about what happens there. The dateline is where the reporter is, never a
 * destination of its own, unless the sentence it opens tells his presence somewhere and names no
 * other place for it.
 */
function sceneOfStory(place: Place, f: Facts, status: Status): boolean {
  if (!PRESENCE.has(status)) return false;
  return !f.places.some((p) => p !== place && !p.attributive && !p.origin && !p.conflict);
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
