/**
 * @module extract/trips/place-status
 * The status of one place in a sentence: that of its own clause (or, inside it, of its own verb
 * phrase), else of a neighbouring clause when its own is a bare list item, with the sentence's
 * cancellations and attendance by video spread over plans (see temporal.ts for the cues' order).
 */
import { cueKinds, type Context, type CueHit, type Facts, type Place } from '../sentence/index.js';
import type { CueKind } from '../lexicon/index.js';
import { cueStatus, type Status } from './temporal.js';

// A clause this short ("and Iran", "in Abu Dhabi") is a list item that shares its neighbour's status.
const LIST_ITEM = 10;

/**
 * The status of a clause, for `place` that of its own verb phrase when that phrase tells one:
 * "who last visited India in 2018 and was set to return" gives India the past of its own verb.
 */
function clauseStatus(f: Facts, clause: number, place?: Place): Status | undefined {
  const cues = f.cues.filter((c) => f.clauses[c.from - f.from] === clause);
  // "avoided French airspace on its way to Washington": the end of the flight is not overflown.
  const bound = place && cues.some((c) => BOUND.has(c.kind) && c.to <= place.from && place.from - c.to <= 1);
  const kept = bound ? cues.filter((c) => c.kind !== 'overflight') : cues;
  if (place) {
    const phrase = f.phrases[place.from - f.from];
    const own = cueStatus(cueKinds(kept.filter((c) => f.phrases[c.from - f.from] === phrase)));
    if (own !== undefined && own !== 'undated' && kept.some((c) => f.phrases[c.from - f.from] !== phrase))
      return own;
  }
  return cueStatus(cueKinds(kept));
}
const BOUND = new Set<CueKind>(['travel', 'arrive']);

/** The tense an untensed travel word borrows: that of its verb phrase, else a past of the sentence. */
function borrowed(f: Facts, place: Place, sentence: Status): Status | undefined {
  const phrase = f.phrases[place.from - f.from];
  const own = cueStatus(cueKinds(f.cues.filter((c) => f.phrases[c.from - f.from] === phrase)));
  return own !== undefined && own !== 'undated' ? own : sentence === 'completed' ? sentence : 'undated';
}

/**
 * Whether a later clause may lend its status to `place`: one opened by "where" speaks only of the
 * place just before it ("not China nor Kyrgyzstan, where he was on 12 October").
 */
function lendsTo(f: Facts, place: Place, clause: number): boolean {
  const first = f.clauses.indexOf(clause);
  // Another verb phrase has its own tense: "spoke in Paris on Monday and will fly to Rome".
  if (first < 0 || f.phrases[first] !== f.phrases[place.from - f.from]) return false;
  if (!f.cues.some((c) => c.kind === 'relative' && c.from === f.from + first)) return true;
  return !f.places.some((p) => p.from > place.from && p.from < f.from + first);
}

/**
 * "Has left the country to attend a conference in Moscow", "flew out of Moscow for talks in
 * Beijing": a place after a departure and a travel word of its purpose (after the infinitive's
 * "to", or after the place he left) is where he is going, not the one he left. He is on his way:
 * under way. Not the departure's own object ("cut short a visit to Nigeria"), nor after "after"
 * ("left after attending the forum in Beijing").
 */
function headedFor(f: Facts, place: Place, ctx: Pick<Context, 'tokens' | 'words'>): boolean {
  const inClause = f.cues.filter((c) => f.clauses[c.from - f.from] === place.clause && c.to <= place.from);
  const leaving = inClause.filter((c) => c.kind === 'depart').at(-1);
  if (!leaving) return false;
  const between = inClause.filter((c) => c.from >= leaving.to);
  if (between.some((c) => c.kind === 'after' || c.kind === 'past')) return false;
  const purpose = (c: CueHit) =>
    ctx.words.infinitive.has(ctx.tokens[c.from - 1]?.key ?? '') ||
    f.places.some((p) => p.from >= leaving.to && p.to <= c.from);
  return between.some((c) => c.kind === 'travel' && purpose(c));
}

/** The status of a place: its clause, else the nearest short-list neighbour, with sentence-wide cancellations. */
export function placeStatus(
  f: Facts,
  place: Place,
  sentence: Status,
  strict: boolean,
  ctx: Pick<Context, 'tokens' | 'words'>,
): Status | undefined {
  const status = ownStatus(f, place, sentence, strict);
  return status === 'completed' && !place.origin && headedFor(f, place, ctx) ? 'under_way' : status;
}

function ownStatus(f: Facts, place: Place, sentence: Status, strict: boolean): Status | undefined {
  const mine = clauseStatus(f, place.clause, place);
  if (strict) return mine;
  const size = (c: number) => f.clauses.filter((x) => x === c).length;
  const last = f.clauses[f.clauses.length - 1] ?? 0;
  const tensed = (s: Status | undefined): Status | undefined => (s === 'undated' ? undefined : s);
  let own: Status | undefined = tensed(mine);
  // Neighbours by distance; a clause of neither cues nor places ("(Monday)") is no neighbour.
  const empty = (c: number) =>
    !f.cues.some((x) => f.clauses[x.from - f.from] === c) && !f.places.some((p) => p.clause === c);
  const around = (step: 1 | -1) => {
    const out: number[] = [];
    for (let c = place.clause + step; c >= 0 && c <= last; c += step) if (!empty(c)) out.push(c);
    return out;
  };
  const [earlier, later] = [around(-1), around(1)];
  const lent = (c: number | undefined) =>
    c !== undefined && lendsTo(f, place, c) ? tensed(clauseStatus(f, c)) : undefined;
  for (let d = 0; own === undefined && size(place.clause) <= LIST_ITEM && d < last; d++)
    own = lent(earlier[d]) ?? lent(later[d]);
  // A travel word without tense in its clause takes the tense of the sentence: "... during the visit to
  // Hanoi", but not a plan of another verb phrase: "addressed the UN in New York on Thursday and is
  // scheduled to meet him in Washington on Monday" (a later past still is: "and has since left").
  if (own === undefined && mine === 'undated')
    own = sentence === 'none' ? 'undated' : borrowed(f, place, sentence);
  if (own === undefined) return undefined;
  if ((sentence === 'cancelled' || sentence === 'remote') && (own === 'planned' || own === 'undated'))
    return sentence;
  // "Will not attend in person and will instead join by video link": he attends, remotely.
  if (own === 'cancelled' && f.kinds.has('remote')) return 'remote';
  // "Песков опроверг сообщения о том, что Путин планирует ...": a denial governs the clause after it.
  const before = f.cues.filter((c) => f.clauses[c.from - f.from] === place.clause - 1);
  if ((own === 'planned' || own === 'undated') && before.some((c) => c.kind === 'denial')) return 'none';
  return own;
}
