/**
 * @module extract/trips/members
 * "The leaders of Brazil, India, China and South Africa", "the Brazil, Russia, India, China and
 * South Africa (BRICS) summit": an enumeration of three or more countries that follows "of" or
 * names a gathering is who belongs or takes part, not where he goes. A tour is told with its
 * verb before the list ("will visit Kazakhstan, Kyrgyzstan and Tajikistan", "a tour of ...").
 */
import type { Context, Facts, Place } from '../sentence/index.js';

// Fewer items are a pair, which "of" joins to a host as often ("the talks of Iran and Russia").
const MEMBERS = 3;
// After the list, a gathering word this many tokens on at most: "(BRICS) summit".
const REACH = 2;

/** The enumeration of places `place` is an item of: places one after another, a comma or "and" apart. */
function enumeration(place: Place, f: Facts, ctx: Context): Place[] {
  const places = [...f.places].sort((a, b) => a.from - b.from);
  const joined = (a: Place, b: Place) => {
    const between = b.from - a.to;
    if (between === 0)
      return /^\s*[,،、，]\s*$/u.test(ctx.text.slice(ctx.tokens[a.to - 1]!.end, ctx.tokens[b.from]!.start));
    return between === 1 && f.cues.some((c) => c.kind === 'conjunction' && c.from === a.to);
  };
  const i = places.indexOf(place);
  let [first, last] = [i, i];
  while (first > 0 && joined(places[first - 1]!, places[first]!)) first--;
  while (last < places.length - 1 && joined(places[last]!, places[last + 1]!)) last++;
  return places.slice(first, last + 1);
}

/** Whether `place` is one of a list of members or participants rather than a destination. */
export function memberOfList(place: Place, f: Facts, ctx: Context): boolean {
  const list = enumeration(place, f, ctx);
  if (list.length < MEMBERS) return false;
  const before = ctx.tokens[list[0]!.from - 1];
  // "A tour of Kazakhstan, Kyrgyzstan and Tajikistan" is a journey: travel words own their "of".
  const journey = f.cues.some((c) => c.kind === 'travel' && c.to === list[0]!.from - 1);
  if (before && list[0]!.from > f.from && ctx.genitives.has(before.key) && !journey) return true;
  const end = list.at(-1)!.to;
  return f.cues.some((c) => c.kind === 'gathering' && c.from >= end && c.from < end + REACH);
}
