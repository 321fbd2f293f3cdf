/**
 * @module law/listings
 * The registry read on a date, as plain rows: the warrants with their status, the States Parties
 * with any withdrawal under way, and the binding duties grouped by person. Pure: the CLI prints
 * them and the web serves them, so both show the same list.
 */
import type { IsoDate, Registry, WarrantStatus } from '../model.js';
import { dutyMatrix } from './matrix.js';
import { membershipOn, type PendingWithdrawal } from './membership.js';
import { statusOn } from './warrant-status.js';

export interface WarrantRow {
  id: string;
  subjectId: string;
  /** The subject's display name. */
  subject: string;
  /** The situation's name. */
  situation: string;
  caseNumber: string | null;
  issued: IsoDate | null;
  madePublic: IsoDate | null;
  status: WarrantStatus;
  statusSince: IsoDate;
}

/** Every warrant (or application) that exists on `date`, in registry order; only one status if given. */
export function warrantsOn(reg: Registry, date: IsoDate, only?: WarrantStatus): WarrantRow[] {
  const rows: WarrantRow[] = [];
  for (const w of reg.warrants) {
    const s = statusOn(w, date);
    if (!s || (only && s.status !== only)) continue;
    rows.push({
      id: w.id,
      subjectId: w.subject,
      subject: reg.subjects.get(w.subject)?.name ?? w.subject,
      situation: reg.situations.get(w.situation)?.name ?? w.situation,
      caseNumber: w.caseNumber ?? null,
      issued: w.issued ?? null,
      madePublic: w.madePublic ?? null,
      status: s.status,
      statusSince: s.from,
    });
  }
  return rows;
}

export interface StatePartyRow {
  iso2: string;
  name: string;
  partySince: IsoDate;
  /** A withdrawal announced or notified and not yet in effect that day. */
  withdrawal: PendingWithdrawal | null;
}

/** The States Parties on `date`, by English name. */
export function statesPartiesOn(reg: Registry, date: IsoDate): StatePartyRow[] {
  const rows: StatePartyRow[] = [];
  for (const m of reg.memberships.values()) {
    const on = membershipOn(m, date);
    if (on.status !== 'party') continue;
    rows.push({
      iso2: m.iso2,
      name: reg.countryName(m.iso2),
      partySince: m.entryIntoForce,
      withdrawal: on.withdrawal ?? null,
    });
  }
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

export interface BoundStatesRow {
  subjectId: string;
  subject: string;
  /** ISO2 codes of the states bound to arrest the person that day, in code order. */
  states: string[];
}

/** The binding duties of `date` (dutyMatrix) by person, in the order the matrix first names each. */
export function boundStatesBySubject(reg: Registry, date: IsoDate): BoundStatesRow[] {
  const bySubject = new Map<string, BoundStatesRow>();
  for (const e of dutyMatrix(reg, date).entries) {
    let row = bySubject.get(e.subjectId);
    if (!row) {
      const subject = reg.subjects.get(e.subjectId)?.name ?? e.subjectId;
      bySubject.set(e.subjectId, (row = { subjectId: e.subjectId, subject, states: [] }));
    }
    row.states.push(e.iso2);
  }
  return [...bySubject.values()];
}
