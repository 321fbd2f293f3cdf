/**
 * @module extract/events/protests
 * A protest against the wanted person's visit, where the sentence says or where he is.
 */
import { draft, type Draft } from '../output/index.js';
import type { Context, Facts } from '../sentence/index.js';

/** A protest where the sentence says, else where the subject is (his trip under way or planned). */
export function protestsIn(f: Facts, ctx: Context, trips: readonly Draft[]): Draft[] {
  if (!f.kinds.has('protest')) return [];
  return f.subjects.flatMap((id) => {
    const home = ctx.nationality(id);
    const here = f.places.find((p) => p.iso2 !== home);
    const trip = [...trips]
      .reverse()
      .find((t) => t.subjectId === id && (t.status === 'under_way' || t.status === 'planned'));
    const iso2 = here?.iso2 ?? trip?.iso2;
    if (!iso2) return [];
    const city =
      here?.city ?? trips.find((t) => t.subjectId === id && t.iso2 === iso2 && t.city)?.city ?? null;
    return [draft('protest', id, f, { iso2, city })];
  });
}
