/**
 * @module extract/events/arrests
 * An arrest that happened, where the sentence says ("was arrested at Manila airport").
 */
import { draft, type Draft } from '../output/index.js';
import type { Context, Facts } from '../sentence/index.js';
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
