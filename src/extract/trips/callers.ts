/**
 * @module extract/trips/callers
 * Places that name a state speaking, not a destination: the state that calls for an arrest
 * ("Ukraine asked Brazil to arrest him"), and one right before a verb of speech ("landed in
 * Washington after Hungary announced its withdrawal"). A state stating a legal position ("France
 * said he has immunity") is still a `none` link, by the corpus rules.
 */
import type { Context, Facts, Place } from '../sentence/index.js';

/** "Hungary announced", "Berlin has warned" (an auxiliary between): the state is the one speaking. */
export function speaker(place: Place, f: Facts, ctx: Context): boolean {
  const spaced = (i: number) =>
    /^[^\S\n]+$/u.test(ctx.text.slice(ctx.tokens[i - 1]!.end, ctx.tokens[i]!.start));
  let next = place.to;
  if (next < f.to && ctx.words.auxiliaries.has(ctx.tokens[next]!.key) && spaced(next)) next++;
  return next < f.to && spaced(next) && f.cues.some((c) => c.kind === 'speech' && c.from === next);
}

/**
 * "Ukraine asked Brazil to arrest him": the state that speaks before a call is not a destination,
 * and neither are those listed with it ("Ukraine and Poland urged"); "he arrived in Mongolia while
 * Ukraine demanded his arrest" still names where he went.
 */
export function caller(place: Place, f: Facts): boolean {
  const call = f.cues.find((c) => c.kind === 'call');
  if (!call || place.from > call.from || f.clauses[call.from - f.from] !== place.clause) return false;
  const before = f.places.filter((p) => p.from < call.from && p.clause === place.clause);
  let i = before.length - 1;
  while (i > 0 && listed(before[i - 1]!, before[i]!, f)) i--;
  return place.from >= before[i]!.from;
}

/** Two places joined by "and" with at most one word more: "Belarus and occupied Ukraine". */
export function listed(a: Place, b: Place, f: Facts): boolean {
  const [first, second] = a.from < b.from ? [a, b] : [b, a];
  const between = second.from - first.to;
  return (
    between > 0 &&
    between <= 2 &&
    f.cues.some((c) => c.kind === 'conjunction' && c.from >= first.to && c.to <= second.from)
  );
}
