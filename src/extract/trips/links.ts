/**
 * @module extract/links
 * Trip rules that read a sentence together with its neighbours. A sentence that names nobody is
 * about the person last named: it may state a legal position (a `none` link) or date and place a
 * trip told elsewhere ("The summit takes place in Johannesburg on 22-23 November"), but it never
 * starts a trip of its own. A cancellation that names no place cancels the trip of the sentence
 * before ("He is avoiding the event"); attendance by video that names none turns the journey the
 * sentence before planned or called off into remote attendance. Dating drafts are `linked`: the merge lends their day and
 * city to a trip of the same person and country, and drops them otherwise.
 */
import type { Context, Facts } from '../sentence/index.js';
import type { DayMention } from '../dates/index.js';
import { CONFIDENCE, draft, type Draft } from '../output/index.js';
import { dayFor } from './trip-day.js';
import type { Status } from './temporal.js';
import { usable } from './trip-place.js';

const ARREST_TALK = ['overflight', 'warrant', 'arrestVerb', 'hypothetical'] as const;
const YEAR = /\b(?:19|20)\d\d\b/u;

/** Trips of a sentence that names nobody, read as about the subject named last. */
export function linkedIn(f: Facts, ctx: Context, sentence: Status | undefined): Draft[] {
  const subjectId = f.lastSubject;
  if (!subjectId) return [];
  // "The detour avoided the airspace of Ireland": a crossing, or an arrest he risks, needs no name to
  // be his; a bare legal fact ("Uganda is a signatory") may be about anyone.
  if (sentence === 'none' && ARREST_TALK.some((k) => f.kinds.has(k)))
    return f.places
      .filter((p) => !p.origin && usable(p, f, ctx, subjectId, 'none'))
      .map((p) => ({
        ...readOnDraft(f, subjectId, p.iso2, p.city),
        status: 'none' as const,
        confidence: CONFIDENCE.noneOfNobody,
      }));
  return datingIn(f, ctx, [subjectId], sentence);
}

/** Days and cities that a sentence about the event gives to trips told by other sentences. */
export function datingIn(
  f: Facts,
  ctx: Context,
  subjects: readonly string[],
  sentence: Status | undefined,
): Draft[] {
  if (!sentence && !f.kinds.has('gathering')) return [];
  const places = subjects.map((id) => f.places.filter((p) => !p.origin && usable(p, f, ctx, id, 'undated')));
  // Days are parsed only for a sentence that has a place to date (parsing is the costly step).
  if (places.every((ps) => !ps.length)) return [];
  // A bare weekday takes its direction from a tense this sentence may not have.
  const days = ctx.days(f).filter((d) => d.weekday === undefined);
  return subjects.flatMap((id, i) =>
    places[i]!.flatMap((p) => {
      const day = dayFor(p, days, f, ctx, 'undated');
      if (!day && !p.city) return [];
      const linked = {
        ...readOnDraft(f, id, p.iso2, p.city),
        start: day?.start ?? null,
        end: day?.end ?? null,
      };
      return [{ ...linked, linked: true }];
    }),
  );
}

/**
 * "He is avoiding the event": a cancellation without a place cancels the places of the sentence
 * before, `before` being that sentence's own trips. A place he has already reached is left alone:
 * "he met Xi in Beijing; he did not attend the dinner" cancels a part of the visit, not the visit.
 */
export function readOn(
  f: Facts,
  ctx: Context,
  before: readonly Draft[],
  subjects: readonly string[],
  status: 'cancelled' | 'remote' | 'completed',
  /** The sentence whose places are read: the one before by default. */
  prev: Facts | undefined = f.previous,
): Draft[] {
  if (!prev || ownOccasion(f, ctx)) return [];
  const told = (id: string, iso2: string, statuses: readonly string[]) =>
    before.some((d) => d.subjectId === id && d.iso2 === iso2 && statuses.includes(d.status));
  // A cancellation stands for a journey not yet made, not a country only crossed ("the aircraft
  // had to turn back" after a refused overflight); attendance by video for one the sentence before
  // planned or called off; a departure ends any but one called off or never made.
  const crossed = prev.kinds.has('overflight');
  const fits = (id: string, iso2: string) =>
    status === 'cancelled'
      ? !told(id, iso2, ['under_way', 'completed']) && !(crossed && told(id, iso2, ['none']))
      : status === 'remote'
        ? told(id, iso2, ['planned', 'cancelled'])
        : !told(id, iso2, ['cancelled', 'remote', 'none']);
  return subjects.flatMap((id) =>
    prev.places
      .filter((p) => !p.origin && fits(id, p.iso2) && usable(p, prev, ctx, id, status))
      .map((p) => {
        const day = dayFor(p, ctx.days(prev), prev, ctx, status);
        return {
          ...readOnDraft(f, id, p.iso2, p.city),
          ...(status === 'completed' ? { ends: true as const } : {}),
          status,
          start: day?.start ?? null,
          end: day?.end ?? null,
        };
      }),
  );
}

/** A day or year in the clause of the cancellation says it is about another occasion. */
function ownOccasion(f: Facts, ctx: Context): boolean {
  const cue = f.cues.find((c) => c.kind === 'cancel' || c.kind === 'negation');
  const clause = cue ? (f.clauses[cue.from - f.from] ?? 0) : 0;
  const first = f.from + f.clauses.indexOf(clause);
  const last = f.from + f.clauses.lastIndexOf(clause);
  const [from, to] = [ctx.tokens[first]!.start, ctx.tokens[last]!.end];
  // "Now" and "today" are the day of writing, not another occasion.
  const other = (d: DayMention) => d.at >= from && d.at < to && d.start !== ctx.published;
  return YEAR.test(ctx.text.slice(from, to)) || ctx.days(f).some(other);
}

/** A trip read from the sentences around the one that names him: a plan until the rule says more. */
const readOnDraft = (f: Facts, subjectId: string, iso2: string, city: string | null): Draft =>
  draft('trip', subjectId, f, { iso2, city, status: 'planned', confidence: CONFIDENCE.tripReadOn });
