/**
 * @module extract/trips/hosts
 * A country named only as the label of its leader ("Jordan's King Abdullah") is no destination,
 * except where that leader hosts the wanted person: "Jordan's King Abdullah welcomed Bashir",
 * "the inauguration of Iran's new president". Precision first, since a false alarm about a head of
 * state costs more than a miss: the leader must receive the person himself, not his remarks or a
 * "his" of unknown case, and the clause must name no other place where they could meet.
 */
import { type Context, type Facts, type Place, objectOf } from '../sentence/index.js';

/** Whether the leader that `place` labels hosts `subjectId` in this sentence. */
export function hosts(place: Place, f: Facts, ctx: Context, subjectId: string): boolean {
  const clause = (i: number) => f.clauses[i - f.from];
  // Another leader's label is no meeting place: "welcomed Sudan's President Bashir".
  const elsewhere = f.places.some(
    (p) => p.clause === place.clause && p.iso2 !== place.iso2 && !p.attributive,
  );
  if (elsewhere) return false;
  return receives(place, f, ctx, subjectId, clause) || holdsEvent(place, f, ctx, clause);
}

/**
 * "Jordan's King Abdullah welcomed Bashir": the leader comes before his guest, whatever the verb's
 * place in the language; "Bashir was welcomed by Jordan's King" the other way round.
 */
function receives(
  place: Place,
  f: Facts,
  ctx: Context,
  subjectId: string,
  clause: (i: number) => number | undefined,
): boolean {
  const inClause = (i: number) => clause(i) === place.clause;
  const passive = f.cues.find((c) => c.kind === 'guest' && inClause(c.from));
  const verbs = f.cues.filter((c) => c.kind === 'host' && inClause(c.from) && c.from > place.from);
  return f.mentions.some((m) => {
    if (m.subjectId !== subjectId || m.via === 'pronoun' || !inClause(m.from)) return false;
    if (ctx.tokens[m.to]?.key === 's') return false;
    if (passive) return m.to <= passive.from && place.from >= passive.to && objectOf(m, passive, f, true);
    return m.from > place.from && verbs.some((v) => objectOf(m, v, f, true));
  });
}

/**
 * "The swearing-in of Iran's new president", "Iran's president's inauguration": the words between
 * the event and its host are the lexicons' `of` words.
 */
function holdsEvent(
  place: Place,
  f: Facts,
  ctx: Context,
  clause: (i: number) => number | undefined,
): boolean {
  return f.cues.some((c) => {
    if (c.kind !== 'gathering' || clause(c.from) !== place.clause) return false;
    if (c.to <= place.from) {
      const gap = ctx.tokens.slice(c.to, place.from);
      return gap.length <= 2 && gap.every((t) => ctx.words.of.has(t.key));
    }
    // After the leader's title: "Iran's new president's inauguration".
    return c.from > place.to && c.from - place.to <= 5 && ctx.tokens[c.from - 1]?.key === 's';
  });
}
