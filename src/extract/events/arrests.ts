/**
 * @module extract/events/arrests
 * An arrest that happened, where the sentence says ("was arrested at Manila airport").
 */
import { CONFIDENCE, draft, type Draft } from '../output/index.js';
import { COURT_SEAT, type Context, type Facts } from '../sentence/index.js';
import { dayNear, firstCue } from './days.js';

/** An arrest needs its place right after the verb: "was arrested in Turin", "at Manila airport". */
export function arrestsIn(f: Facts, ctx: Context): Draft[] {
  const hit = firstCue(f, 'arrested');
  if (!hit || f.kinds.has('hypothetical') || f.kinds.has('negation')) return [];
  const place = f.places.find((p) => p.from >= hit.to && p.from - hit.to <= 4);
  if (!place) return [];
  const day = dayNear(ctx.days(f), ctx.tokens[hit.from]!.start, ctx.published, true);
  return f.subjects.map((id) =>
    draft('arrest', id, f, {
      iso2: place.iso2,
      city: place.city,
      start: day?.start ?? null,
    }),
  );
}

/**
 * An arrest abroad tells he was there (the corpus labels it a trip): held there, the trip is under
 * way; taken on to the Court's seat, it is over. `drafts` are the article's; only trips to a
 * country the article does not already send him to are added.
 */
export function staysOfArrests(drafts: readonly Draft[], ctx: Context): Draft[] {
  const trips = drafts.filter((d) => d.type === 'trip');
  return drafts.flatMap((a) => {
    if (a.type !== 'arrest' || !a.iso2 || a.iso2 === ctx.nationality(a.subjectId)) return [];
    if (trips.some((t) => t.subjectId === a.subjectId && t.iso2 === a.iso2)) return [];
    const transferred = trips.some((t) => t.subjectId === a.subjectId && t.iso2 === COURT_SEAT);
    return [
      draft('trip', a.subjectId, a.facts, {
        iso2: a.iso2,
        city: a.city,
        status: transferred ? 'completed' : 'under_way',
        confidence: CONFIDENCE.tripReadOn,
      }),
    ];
  });
}
