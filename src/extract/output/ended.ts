/**
 * @module extract/output/ended
 * "The visit has ended, he flew out of Ulaanbaatar ... He had arrived on 2 September": a trip the
 * article tells he left is over, and the arrival it recalls is of the same trip (merge.ts drops
 * the under-way record). Not a leaving told beside a plan ("after the talks in Tianjin he will go
 * on to Beijing"): that one is still ahead.
 */
import type { Draft } from './draft.js';

/** Whether `d` is a completed trip whose place shares its clause with a departure cue. */
export function leftBehind(d: Draft): boolean {
  if (d.type !== 'trip' || d.status !== 'completed' || d.facts.kinds.has('future')) return false;
  const f = d.facts;
  return f.places.some(
    (p) =>
      p.iso2 === d.iso2 && f.cues.some((c) => c.kind === 'depart' && f.clauses[c.from - f.from] === p.clause),
  );
}
