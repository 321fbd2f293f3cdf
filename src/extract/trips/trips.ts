/**
 * @module extract/trips/trips
 * Trip rules, applied to one sentence. A status comes from cues in a fixed order, first match wins:
 * remote, cancelled, none (hypothetical, legal position), arrival, presence, plan, history, denial,
 * and last the date alone. Each place takes the status of its own clause ("currently in the United
 * States, had planned a stop in Argentina"), else of a neighbouring clause when its own is a bare
 * list item. A sentence without any travel word gives no trip: precision first, a missed trip is
 * cheaper than a false alarm about a head of state.
 */
import { hostsOthers, othersJourney } from './actors.js';
import { addDays, inThePast } from '../dates/index.js';
import type { CueKind } from '../lexicon/index.js';
import { COURT_SEAT, type Context, type Facts, type Place } from '../sentence/index.js';
import { CONFIDENCE, draft, type Draft } from '../output/index.js';
import { readOn, linkedIn, datingIn } from './links.js';
import { dayFor } from './trip-day.js';
import { cueStatus, dated, openInvitation, timed, timeOf, type Status } from './temporal.js';
import { placeStatus } from './place-status.js';
import { usable } from './trip-place.js';

/** The cues of one kind in the place's own clause. */
const cuesOfClause = (f: Facts, place: Place, kind: CueKind) =>
  f.cues.filter((c) => c.kind === kind && f.clauses[c.from - f.from] === place.clause);

/**
 * "Flew from Budapest to Washington": the past tense tells that he left the first place, so the
 * second is where he now is, unless a year puts the whole journey in the past. Only the cues of the
 * place's own clause count, and all of them must be such a leaving.
 */
function reached(f: Facts, place: Place): boolean {
  const past = cuesOfClause(f, place, 'past');
  const left = (c: { to: number }) =>
    f.places.some((o) => o.origin && o.from === c.to && o.from < place.from);
  return past.length > 0 && past.every(left) && !YEAR.test(f.sentence.text);
}
const YEAR = /\b(?:19|20)\d\d\b/u;

/** "Upon returning from a visit to Hong Kong on March 11": the day ends the trip. */
function returning(f: Facts, place: Place): boolean {
  return cuesOfClause(f, place, 'returning').some((c) => c.to <= place.from);
}

/**
 * "ULAN BATOR, September 2. … Putin has arrived": a story filed from the place on a day, telling
 * an arrival without a day of its own, tells one on that day. Without such a dateline an arrival
 * may be reported days later, so it gives no day.
 */
function arrivedAsFiled(status: Status, place: Place, f: Facts, ctx: Context): string | null {
  if (status !== 'under_way') return null;
  const filed = ctx.dateline();
  if (!filed || filed.iso2 !== place.iso2) return null;
  return cuesOfClause(f, place, 'arrive').length ? filed.day : null;
}

/** "Finished his state visit in Hungary on Sunday": a departure in the place's own clause. */
function departing(f: Facts, place: Place): boolean {
  return cuesOfClause(f, place, 'depart').length > 0;
}

/**
 * Trips told by one sentence, one per subject and destination. A sentence that names nobody, or
 * tells no status, or cancels, attends by video or departs without saying where, is read with the
 * sentences around it (links.ts). Flown to the seat of the Court, he is held there: a transfer is
 * not over.
 */
export function tripsIn(f: Facts, ctx: Context): Draft[] {
  const off = calledOffBefore(f);
  return sentenceTrips(f, ctx).map((d) =>
    d.iso2 === COURT_SEAT &&
    d.status === 'completed' &&
    !d.facts.places.some((p) => p.iso2 === COURT_SEAT && p.origin)
      ? { ...d, status: 'under_way', ends: undefined }
      : d.status === 'planned' && off.has(d.subjectId)
        ? { ...d, status: 'cancelled' }
        : d,
  );
}

/**
 * "Putin has cancelled his trip. He had been scheduled to visit Hungary on Thursday": a
 * cancellation naming him and no place, told just before the plan, calls that plan off.
 */
function calledOffBefore(f: Facts): ReadonlySet<string> {
  const prev = f.previous;
  if (!prev || prev.places.length || cueStatus(prev.kinds) !== 'cancelled') return new Set();
  return new Set(prev.subjects);
}

function sentenceTrips(f: Facts, ctx: Context): Draft[] {
  const sentence = cueStatus(f.kinds);
  const tripsOf = (prev: Facts | undefined) => {
    const before = prev?.subjects.length ? cueStatus(prev.kinds) : undefined;
    return prev && before ? ownTrips(prev, ctx, before) : [];
  };
  const back = tripBefore(f);
  const prevTrips = () => tripsOf(back);
  if (!f.subjects.length) {
    const linked = linkedIn(f, ctx, sentence);
    // '"The president will take part by video link," his aide said', "The trip has now been
    // postponed": he attends so, or not at all, the journey the sentence before told.
    const turns = sentence === 'remote' || (sentence === 'cancelled' && !f.places.length);
    if (!turns || !f.lastSubject || linked.some((d) => !d.linked)) return linked;
    return [...linked, ...readOn(f, ctx, prevTrips(), [f.lastSubject], sentence, back)];
  }
  if (!sentence) return datingIn(f, ctx, f.subjects, sentence);
  const out = ownTrips(f, ctx, sentence);
  if (out.length) return out;
  // "Shoigu departed for home later in the day": a departure that names no place ends the trip
  // told before it.
  if (sentence === 'completed' && f.kinds.has('depart') && !f.places.length) {
    const told = placesBefore(f);
    return told ? readOn(f, ctx, tripsOf(told), f.subjects, sentence, told) : [];
  }
  if (sentence !== 'cancelled' && sentence !== 'remote') return out;
  return readOn(f, ctx, prevTrips(), f.subjects, sentence, back);
}

// A departure reads back this many sentences for the places it leaves.
const DEPARTURE_REACH = 3;

/**
 * "Netanyahu had planned to visit India next week. His office cited security. The visit has been
 * postponed": a cancellation or a video link that names no place turns the journey of the last
 * sentence within reach that names him and a place.
 */
function tripBefore(f: Facts): Facts | undefined {
  let prev = f.previous;
  for (let i = 1; prev && !(prev.subjects.length && prev.places.length) && i < DEPARTURE_REACH; i++)
    prev = prev.previous;
  return prev?.places.length ? prev : f.previous;
}

/** The last sentence before `f`, within reach, that names a place. */
function placesBefore(f: Facts): Facts | undefined {
  let prev = f.previous;
  for (let i = 1; prev && !prev.places.length && i < DEPARTURE_REACH; i++) prev = prev.previous;
  return prev?.places.length ? prev : undefined;
}

function ownTrips(f: Facts, ctx: Context, sentence: Status): Draft[] {
  const out: Draft[] = [];
  const dateline = f.places.find((p) => p.dateline && p.city);
  for (const subjectId of f.subjects) {
    for (const place of f.places) {
      // The scene of the alleged crimes is named in most articles: only its own clause can send him there.
      const scene = ctx.crimeScene(subjectId).has(place.iso2);
      // "After Hungary, he flew on to Washington": a place left behind needs no tense of its own.
      const left =
        place.origin && (sentence === 'undated' || sentence === 'under_way') ? 'completed' : undefined;
      const status = placeStatus(f, place, sentence, scene, ctx) ?? left;
      if (!status || !usable(place, f, ctx, subjectId, status)) continue;
      if (othersJourney(place, f, ctx, subjectId) || hostsOthers(place, f, subjectId)) continue;
      const near = status === 'none' || place.origin ? undefined : dayFor(place, ctx.days(f), f, ctx, status);
      const day = near && status === 'completed' ? inThePast(near, ctx.published) : near;
      const moving = status === 'under_way' || status === 'planned' || status === 'undated';
      if (scene && place.origin) continue;
      const back = returning(f, place);
      const now = status === 'completed' && !back && reached(f, place) ? 'under_way' : status;
      // A departure on the day of writing ends the trip that day: over, not under way.
      const leftToday = now === 'completed' && day?.start === ctx.published && departing(f, place);
      const st =
        place.origin && moving
          ? 'completed'
          : day
            ? leftToday
              ? 'completed'
              : dated(now, day.start, ctx.published)
            : withoutDay(now, place, f, ctx);
      if (!st) continue;
      const start = st === 'none' || back ? null : (day?.start ?? arrivedAsFiled(st, place, f, ctx));
      const end = back ? (day?.start ?? null) : start ? (day?.end ?? endOfStay(start, f, ctx)) : null;
      const city = place.city ?? (dateline?.iso2 === place.iso2 ? dateline.city : null);
      const via = f.mentions.find((m) => m.subjectId === subjectId)?.via;
      const confidence = via === 'pronoun' ? CONFIDENCE.tripOfPronoun : CONFIDENCE.trip;
      out.push(draft('trip', subjectId, f, { iso2: place.iso2, city, status: st, start, end, confidence }));
    }
  }
  return out;
}

/** The status of a trip its clause gives no day: by a time named without one, else an open invitation. */
function withoutDay(status: Status, place: Place, f: Facts, ctx: Context) {
  const time = timeOf(place, f, ctx);
  const st = timed(status, time);
  return st === 'planned' && time === undefined && openInvitation(f, place) ? 'none' : st;
}

/** The last day of a stay that starts on `start`, when the sentence says how long it is ("a two-day visit"). */
function endOfStay(start: string, f: Facts, ctx: Context): string | null {
  const duration = ctx.duration(f);
  return duration ? addDays(start, duration - 1) : null;
}
