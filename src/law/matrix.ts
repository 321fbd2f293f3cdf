/**
 * @module law/matrix
 * `dutyMatrix`: every (subject, state) pair with a binding duty on a date, for maps and lists.
 * It asks `groundsFor` the same question `dutyToArrest` asks, for the only states that can be bound
 * (those that ever joined, declared under art. 12(3) or were named by a referral), so the two agree.
 */
import type { Ground, IsoDate, Registry } from '../model.js';
import { groundsFor, legalDay } from './bases.js';
import { isOutstandingOn } from './warrant-status.js';

export interface MatrixEntry {
  subjectId: string;
  iso2: string;
  grounds: Ground[];
  warrantIds: string[];
}

/** Shared by every caller of the same day (see `dutyMatrix`): read it, never change it. */
export interface DutyMatrix {
  readonly date: IsoDate;
  readonly entries: readonly Readonly<MatrixEntry>[];
}

const candidateCache = new WeakMap<Registry, string[]>();

/** States that could be bound on some date. */
function candidateStates(reg: Registry): string[] {
  let states = candidateCache.get(reg);
  if (!states) {
    states = [
      ...new Set([
        ...reg.memberships.keys(),
        ...reg.declarations.map((d) => d.iso2),
        ...reg.referrals.flatMap((r) => r.binds),
      ]),
    ].sort();
    candidateCache.set(reg, states);
  }
  return states;
}

// Pages ask for the matrix of one day several times a request (the map, the counts, the lists):
// it is a pure function of an immutable registry and a date, so the last few days are kept.
const MATRIX_CACHE_DAYS = 8;
const matrixCache = new WeakMap<Registry, Map<IsoDate, DutyMatrix>>();

/** Every binding (subject, state) pair on `date`; the same object for the same registry and day. */
export function dutyMatrix(reg: Registry, date: IsoDate): DutyMatrix {
  let days = matrixCache.get(reg);
  if (!days) matrixCache.set(reg, (days = new Map()));
  const known = days.get(date);
  if (known) return known;
  const made = computeMatrix(reg, date);
  if (days.size >= MATRIX_CACHE_DAYS) days.delete(days.keys().next().value!);
  days.set(date, made);
  return made;
}

/** The matrix computed afresh (what `dutyMatrix` keeps); for the benchmark. */
export function computeMatrix(reg: Registry, date: IsoDate): DutyMatrix {
  const outstanding = reg.warrants.filter((w) => isOutstandingOn(w, date));
  const day = legalDay(reg, date);
  const bySubjectState = new Map<string, MatrixEntry>();
  for (const iso2 of candidateStates(reg)) {
    for (const w of outstanding) {
      const binding = groundsFor(reg, w, iso2, day).filter((b) => b.effect === 'binds');
      if (binding.length === 0) continue;
      const key = `${w.subject}\u0000${iso2}`;
      let entry = bySubjectState.get(key);
      if (!entry)
        bySubjectState.set(key, (entry = { subjectId: w.subject, iso2, grounds: [], warrantIds: [] }));
      for (const b of binding) if (!entry.grounds.includes(b.ground)) entry.grounds.push(b.ground);
      entry.warrantIds.push(w.id);
    }
  }
  return { date, entries: [...bySubjectState.values()] };
}
