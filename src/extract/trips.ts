/**
 * @module extract/trips
 * Trip rules, applied to one sentence. A status comes from cues in a fixed order, first match wins:
 * remote, cancelled, none (hypothetical, legal position), arrival, presence, plan, history, denial,
 * and last the date alone. Each place takes the status of its own clause ("currently in the United
 * States, had planned a stop in Argentina"), else of a neighbouring clause when its own is a bare
 * list item. A sentence without any travel word gives no trip: precision first, a missed trip is
 * cheaper than a false alarm about a head of state.
 */
import type { TripStatus } from '../model.js';
import { addDays, placeWeekday, statedDuration, type DayMention } from './dates.js';
import type { Context } from './context.js';
import type { Draft } from './draft.js';
import { cueKinds, type Facts, type Place } from './facts.js';
import type { CueKind } from './lexicon.js';

type Status = TripStatus | 'undated';
const MOVES = ['travel', 'arrive', 'present', 'past', 'cancel', 'remote'] as const;
// A clause this short ("and Iran", "in Abu Dhabi") is a list item that shares its neighbour's status.
const LIST_ITEM = 10;

/** The status cues give, before the date is known; undefined when they tell no trip. */
export function cueStatus(k: ReadonlySet<CueKind>): Status | undefined {
  if (k.has('remote')) return 'remote';
  if (k.has('cancel')) return 'cancelled';
  if (k.has('hypothetical') || k.has('legal')) return 'none';
  // "No plans to go to Austria": a denial outweighs the plan words it negates, not a reported arrival.
  if (k.has('denial') && !k.has('past') && !k.has('arrive')) return 'none';
  if (!MOVES.some((m) => k.has(m))) return undefined;
  if (k.has('arrive') || k.has('present')) return 'under_way';
  if (k.has('future')) return 'planned';
  if (k.has('past')) return 'completed';
  return 'undated';
}

function clauseStatus(f: Facts, clause: number): Status | undefined {
  return cueStatus(cueKinds(f.cues.filter((c) => f.clauses[c.from - f.from] === clause)));
}

/** The status of a place: its clause, else the nearest short-list neighbour, with sentence-wide cancellations. */
function placeStatus(f: Facts, place: Place, sentence: Status, strict: boolean): Status | undefined {
  const mine = clauseStatus(f, place.clause);
  if (strict) return mine;
  const size = (c: number) => f.clauses.filter((x) => x === c).length;
  const last = f.clauses[f.clauses.length - 1] ?? 0;
  const tensed = (s: Status | undefined): Status | undefined => (s === 'undated' ? undefined : s);
  let own: Status | undefined = tensed(mine);
  for (let d = 1; own === undefined && size(place.clause) <= LIST_ITEM && d <= last; d++)
    own = tensed(clauseStatus(f, place.clause - d)) ?? tensed(clauseStatus(f, place.clause + d));
  // A travel word without tense in its clause takes the tense of the sentence: "... during the visit to Hanoi".
  if (own === undefined && mine === 'undated') own = sentence === 'none' ? 'undated' : sentence;
  if (own === undefined) return undefined;
  if ((sentence === 'cancelled' || sentence === 'remote') && (own === 'planned' || own === 'undated'))
    return sentence;
  return own;
}

/** Refines a status with the day of the trip relative to the publication date. */
function dated(status: Status, start: string | null, published: string | null): TripStatus | undefined {
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
function dayFor(
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

function usable(place: Place, f: Facts, ctx: Context, subjectId: string, status: Status): boolean {
  if (place.attributive || place.conflict || place.dateline || place.iso2 === ctx.nationality(subjectId))
    return false;
  if (status === 'none' && ctx.crimeScene(subjectId).has(place.iso2)) return false;
  // "Ukraine asked Brazil to arrest him": the state that speaks before a call is not a destination.
  const call = f.cues.find((c) => c.kind === 'call');
  return !call || place.from > call.from || f.clauses[call.from - f.from] !== place.clause;
}

/** Trips told by one sentence, one per subject and destination. */
export function tripsIn(f: Facts, ctx: Context): Draft[] {
  const sentence = cueStatus(f.kinds);
  if (!sentence || !f.subjects.length) return [];
  const out: Draft[] = [];
  const dateline = f.places.find((p) => p.dateline && p.city);
  for (const subjectId of f.subjects) {
    for (const place of f.places) {
      // The scene of the alleged crimes is named in most articles: only its own clause can send him there.
      const scene = ctx.crimeScene(subjectId).has(place.iso2);
      const status = placeStatus(f, place, sentence, scene);
      if (!status || !usable(place, f, ctx, subjectId, status)) continue;
      const day = status === 'none' || place.origin ? undefined : dayFor(place, ctx.days(f), f, ctx, status);
      const moving = status === 'under_way' || status === 'planned' || status === 'undated';
      if (scene && place.origin) continue;
      const st = place.origin && moving ? 'completed' : dated(status, day?.start ?? null, ctx.published);
      if (!st) continue;
      const duration = statedDuration(f.sentence.text);
      const start = st === 'none' ? null : (day?.start ?? null);
      const end = start ? (day?.end ?? (duration ? addDays(start, duration - 1) : null)) : null;
      const city = place.city ?? (dateline?.iso2 === place.iso2 ? dateline.city : null);
      const via = f.mentions.find((m) => m.subjectId === subjectId)?.via;
      out.push({
        type: 'trip',
        subjectId,
        iso2: place.iso2,
        city,
        status: st,
        start,
        end,
        facts: f,
        confidence: via === 'pronoun' ? 0.6 : 0.8,
      });
    }
  }
  return out;
}
