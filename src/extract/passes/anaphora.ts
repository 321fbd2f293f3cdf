/**
 * @module extract/anaphora
 * "The country" as the destination of a trip: the one country named just before it, in its
 * sentence or the one before ("arrested in Turin, the day after he arrived in the country"). Only
 * right after a travel word ("arrived in", "a visit to"), since elsewhere the phrase as
 * often means a country never named ("crimes in the west of the country"). It is resolved only
 * when that stretch names a single country, not counting places left behind ("from Germany"),
 * battlefields, datelines and the scene of the crimes of the person spoken of.
 */
import { type Context, placeFacts, type Facts, type Place } from '../sentence/index.js';
import type { CueKind } from '../lexicon/index.js';

// Not a bare past tense: "he has not left the country since" is mostly about his own.
const MOVES = new Set<CueKind>(['travel', 'arrive', 'present', 'cancel']);
// "arrived in the country", "a visit to the country": at most this many words between.
const REACH = 2;

/** Whether a travel word ends at most REACH words before `at`, in the same clause. */
function afterMove(f: Facts, at: number): boolean {
  const clause = f.clauses[at - f.from];
  return f.cues.some(
    (c) => MOVES.has(c.kind) && c.to <= at && at - c.to <= REACH && f.clauses[c.from - f.from] === clause,
  );
}

/** Adds the place each "the country" of `facts` stands for; sentences in text order. */
export function resolveAnaphora(facts: readonly Facts[], ctx: Context): void {
  for (const f of facts) {
    const anaphors = f.cues.filter(
      (c) =>
        c.kind === 'anaphor' &&
        afterMove(f, c.from) &&
        !f.mentions.some((m) => c.from >= m.from && c.from < m.to),
    );
    if (!anaphors.length) continue;
    const people = f.lastSubject ? [...f.subjects, f.lastSubject] : f.subjects;
    const topic = (p: Place) =>
      !p.origin && !p.conflict && !p.dateline && !people.some((id) => ctx.crimeScene(id).has(p.iso2));
    for (const a of anaphors) {
      const before = [...(f.previous?.places ?? []), ...f.places.filter((p) => p.to <= a.from)];
      const named = [...new Set(before.filter(topic).map((p) => p.iso2))];
      if (named.length !== 1) continue;
      const place = placeFacts(
        { from: a.from, to: a.to, iso2: named[0]!, city: null },
        {
          cues: f.cues,
          mentions: f.mentions,
          tokens: ctx.tokens,
          text: ctx.text,
          clauses: f.clauses,
          from: f.from,
          words: ctx.words,
          genitives: ctx.genitives,
        },
      );
      f.places = [...f.places, place].sort((x, y) => x.from - y.from);
    }
  }
}
