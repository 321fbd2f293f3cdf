/**
 * @module extract/eval/match
 * Pairs expected and predicted events of one case, one-to-one. Only pairs the `compatible` test
 * allows are considered; among them the best agreeing pairs are taken first (status, then city,
 * then start date, then end date), so two trips to one country with different statuses or cities
 * pair up with the right predictions.
 */
import { normCity, type Expected, type Predicted } from './events.js';

export interface Matching {
  pairs: [Expected, Predicted][];
  missed: Expected[];
  extra: Predicted[];
}

/** Whole days between two YYYY-MM-DD dates, or Infinity when either is blank. */
export function daysApart(a: string, b: string): number {
  if (!a || !b) return Infinity;
  return Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
}

/** The same event as far as the corpus's matching key goes: type, subject and country. */
export const sameKey = (g: Expected, p: Predicted): boolean =>
  g.type === p.type && g.subjectId === p.subjectId && g.country === p.country;

/** sameKey, and the status is one the label accepts. */
export const sameKeyAndStatus = (g: Expected, p: Predicted): boolean =>
  sameKey(g, p) && g.accept.status.has(p.status);

function agreement(g: Expected, p: Predicted): number {
  return (
    (g.accept.status.has(p.status) ? 8 : 0) +
    (g.accept.city.has(normCity(p.city)) ? 4 : 0) +
    ([...g.accept.start].some((s) => daysApart(s, p.start) <= 1) || (!g.start && !p.start) ? 2 : 0) +
    (g.accept.end.has(p.end) ? 1 : 0)
  );
}

export function matchEvents(
  expected: readonly Expected[],
  predicted: readonly Predicted[],
  compatible: (g: Expected, p: Predicted) => boolean,
): Matching {
  const candidates: { gi: number; pi: number; score: number }[] = [];
  expected.forEach((g, gi) =>
    predicted.forEach((p, pi) => {
      if (compatible(g, p)) candidates.push({ gi, pi, score: agreement(g, p) });
    }),
  );
  candidates.sort((a, b) => b.score - a.score || a.gi - b.gi || a.pi - b.pi);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const pairs: [Expected, Predicted][] = [];
  for (const c of candidates) {
    if (usedG.has(c.gi) || usedP.has(c.pi)) continue;
    usedG.add(c.gi);
    usedP.add(c.pi);
    pairs.push([expected[c.gi]!, predicted[c.pi]!]);
  }
  return {
    pairs,
    missed: expected.filter((_, i) => !usedG.has(i)),
    extra: predicted.filter((_, i) => !usedP.has(i)),
  };
}
