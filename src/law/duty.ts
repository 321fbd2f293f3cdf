/**
 * @module law/duty
 * `dutyToArrest`: on a date, must a state arrest a subject, on what grounds, with what caveats.
 * Pure: the registry and the date come in, the answer goes out.
 */
import type { Basis, Duty, DutyKind, IsoDate, Registry } from '../model.js';
import { describeGround, groundsFor, legalDay } from './bases.js';
import { caveatsFor } from './caveats.js';
import { explainDuty } from './explain.js';
import { isOutstandingOn, statusOn } from './warrant-status.js';

export interface DutyOptions {
  /** 'airspace' when the person only overflies the state; adds the overflight caveat. */
  presence?: 'territory' | 'airspace';
}

function strongest(basis: readonly Basis[]): DutyKind {
  if (basis.some((b) => b.effect === 'binds')) return 'binding';
  return basis.length ? 'urged' : 'none';
}

export function dutyToArrest(
  reg: Registry,
  subjectId: string,
  iso2: string,
  date: IsoDate,
  options: DutyOptions = {},
): Duty {
  const subject = reg.subjects.get(subjectId);
  if (!subject) throw new RangeError(`dutyToArrest: unknown subject id ${subjectId}`);
  const day = legalDay(reg, date);
  const membership = day.membership(iso2);
  const warrants = (reg.warrantsBySubject.get(subjectId) ?? []).map((warrant) => ({
    warrant,
    status: statusOn(warrant, date),
  }));
  const basis = warrants
    .filter(({ warrant }) => isOutstandingOn(warrant, date))
    .flatMap(({ warrant }) => groundsFor(reg, warrant, iso2, day))
    .map((fact) => describeGround(reg, fact));
  const kind = strongest(basis);
  // Only the grounds of the strongest effect are the duty's basis; an urging beside a binding ground is noise.
  const kept = kind === 'binding' ? basis.filter((b) => b.effect === 'binds') : basis;
  const input = { reg, subject, iso2, date, kind, membership, basis: kept, warrants };
  return {
    subjectId,
    iso2,
    date,
    kind,
    basis: kept,
    caveats: caveatsFor({ ...input, presence: options.presence ?? 'territory' }),
    warrants: warrants
      .filter(({ status }) => status !== undefined)
      .map(({ warrant: w, status }) => ({
        id: w.id,
        situation: w.situation,
        status: status!.status,
        ...(w.caseNumber ? { caseNumber: w.caseNumber } : {}),
        ...(w.issued ? { issued: w.issued } : {}),
        ...(w.madePublic ? { madePublic: w.madePublic } : {}),
      })),
    explanation: explainDuty(input),
  };
}
