/**
 * @module extract/others
 * Rules for the events that are not trips, each on one sentence: a warrant the text says was
 * issued, a call on a state to arrest, an arrest that happened, a protest against a visit.
 * Everything labelled has already happened, so these carry status `completed`.
 */
import type { Context, Facts, Place } from '../sentence/index.js';
import { inThePast, placeWeekday, type DayMention } from '../dates/index.js';
import type { Draft } from '../output/index.js';
import type { CueKind } from '../lexicon/index.js';
import type { Mention } from '../names/index.js';

const draft = (type: Draft['type'], subjectId: string, f: Facts, rest: Partial<Draft> = {}): Draft => ({
  type,
  subjectId,
  iso2: null,
  city: null,
  status: 'completed',
  start: null,
  end: null,
  facts: f,
  confidence: 0.7,
  ...rest,
});

const firstCue = (f: Facts, kind: CueKind) => f.cues.find((c) => c.kind === kind);
// Warrants and arrests have happened: a day without a year is not after publication. A bare
// weekday beside an arrest is the last such day ("was arrested on Tuesday"); beside a warrant,
// mostly issued long before, it dates something else.
const dayNear = (days: readonly DayMention[], at: number, published: string | null, weekdays = false) => {
  const day = days
    .filter((d) => weekdays || d.weekday === undefined)
    .sort((a, b) => Math.abs(a.at - at) - Math.abs(b.at - at))[0];
  if (day?.weekday === undefined) return day && inThePast(day, published);
  return published ? { ...day, start: placeWeekday(day.weekday, published, 'backward') } : undefined;
};

/**
 * "A warrant for Duterte's former police chief": a name that owns a title (its holder's) names
 * someone else. A subject named in the sentence only so is not the one the warrant is for.
 */
function onlyAsOwner(id: string, f: Facts, ctx: Context): boolean {
  const ms = f.mentions.filter((m) => m.subjectId === id);
  const ownsTitle = (m: Mention) =>
    ctx.tokens[m.to]?.key === 's' &&
    f.cues.some((c) => c.kind === 'attributive' && c.from > m.to && c.from - m.to <= 3);
  return ms.length > 0 && ms.every(ownsTitle);
}

/** "The ICC issued warrants for X in March 2009 and July 2010": one per issuance the text tells apart. */
export function warrantsIn(f: Facts, ctx: Context, subjects: readonly string[]): Draft[] {
  if (!f.kinds.has('warrant') || !f.kinds.has('issue')) return [];
  const years = new Set(f.sentence.text.match(/\b(?:19|20)\d\d\b/gu) ?? []);
  const count = years.size >= 2 ? Math.min(years.size, 3) : 1;
  const issue = firstCue(f, 'issue')!;
  const day = count === 1 ? dayNear(ctx.days(f), ctx.tokens[issue.from]!.start, ctx.published) : undefined;
  return subjects
    .filter((id) => !onlyAsOwner(id, f, ctx))
    .flatMap((id) =>
      Array.from({ length: count }, () => draft('warrant_issued', id, f, { start: day?.start ?? null })),
    );
}

/**
 * The state called on to arrest: the first named after the call, else the nearest before it in the
 * same clause ("Mongolia was urged to arrest him"). A state in an earlier clause is where he goes
 * despite the call ("he will visit China on Monday, despite the Court's demand for his arrest").
 */
function target(f: Facts, ctx: Context, subjectId: string, at: number): Place | undefined {
  const home = ctx.nationality(subjectId);
  const scene = ctx.crimeScene(subjectId);
  const ok = f.places.filter((p) => p.iso2 !== home && !scene.has(p.iso2));
  const clause = f.clauses[at - f.from];
  return ok.find((p) => p.from >= at) ?? ok.filter((p) => p.from < at && p.clause === clause).at(-1);
}

export function callsIn(f: Facts, ctx: Context): Draft[] {
  const call = firstCue(f, 'call');
  if (!call || !f.kinds.has('arrestVerb')) return [];
  return f.subjects.flatMap((id) => {
    const p = target(f, ctx, id, call.from);
    return p ? [draft('call_to_arrest', id, f, { iso2: p.iso2 })] : [];
  });
}

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
      confidence: 0.75,
    }),
  );
}

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
    return [draft('protest', id, f, { iso2, city, confidence: 0.6 })];
  });
}
