/**
 * @module law/membership
 * Rome Statute membership on a date: entry into force (Art. 126) and withdrawal (Art. 127).
 */
import type { IsoDate, Membership } from '../model.js';
import { addDays, addYears, firstOfNextMonth } from './dates.js';

/** The Statute entered into force on this day (Art. 126(1)), after the 60th instrument of 11 April 2002. */
export const STATUTE_IN_FORCE = '2002-07-01' as IsoDate;
const SIXTIETH_INSTRUMENT = '2002-04-11';

/**
 * Art. 126: for an instrument deposited after the 60th, the Statute enters into force "on the first
 * day of the month after the 60th day following the deposit"; up to the 60th, on 1 July 2002.
 */
export function entryIntoForceFor(deposited: string): IsoDate {
  return deposited <= SIXTIETH_INSTRUMENT ? STATUTE_IN_FORCE : firstOfNextMonth(addDays(deposited, 60));
}

/** Art. 127(1): a withdrawal takes effect one year after the notice is received, unless revoked first. */
export function withdrawalEffective(m: Membership): IsoDate | undefined {
  const w = m.withdrawal;
  if (!w?.notified) return undefined;
  const effective = addYears(w.notified, 1);
  return w.revoked && w.revoked < effective ? undefined : effective;
}

export type MembershipOnDate =
  | { status: 'never' } // never deposited an instrument (or not yet deposited)
  | { status: 'not_yet'; entryIntoForce: IsoDate } // deposited, not yet in force
  | { status: 'party'; since: IsoDate; withdrawal?: PendingWithdrawal }
  | { status: 'withdrawn'; effective: IsoDate; since: IsoDate };

export interface PendingWithdrawal {
  announced?: IsoDate;
  notified?: IsoDate;
  /** When the notice would take effect (computed) if not revoked. */
  effective?: IsoDate;
  /** Set when the notice was (later) revoked. */
  revoked?: IsoDate;
}

/** Where `m` stands on `date`; `m` undefined means the state never joined. */
export function membershipOn(m: Membership | undefined, date: string): MembershipOnDate {
  if (!m || date < m.deposited) return { status: 'never' };
  if (date < m.entryIntoForce) return { status: 'not_yet', entryIntoForce: m.entryIntoForce };
  const effective = withdrawalEffective(m);
  if (effective && date >= effective) return { status: 'withdrawn', effective, since: m.entryIntoForce };
  const w = m.withdrawal;
  const started = w && ((w.announced && w.announced <= date) || (w.notified && w.notified <= date));
  const over = w?.revoked && w.revoked <= date;
  if (!w || !started || over) return { status: 'party', since: m.entryIntoForce };
  const pending: PendingWithdrawal = {};
  if (w.announced) pending.announced = w.announced;
  if (w.notified && w.notified <= date) {
    pending.notified = w.notified;
    pending.effective = addYears(w.notified, 1);
  }
  if (w.revoked) pending.revoked = w.revoked;
  return { status: 'party', since: m.entryIntoForce, withdrawal: pending };
}
