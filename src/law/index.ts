/**
 * @module law
 * Who must arrest whom, on which date, and why: pure functions over the registry.
 */
export { dutyToArrest, type DutyOptions } from './duty.js';
export { dutyMatrix, type DutyMatrix, type MatrixEntry } from './matrix.js';
export {
  boundStatesBySubject,
  statesPartiesOn,
  warrantsOn,
  type BoundStatesRow,
  type StatePartyRow,
  type WarrantRow,
} from './listings.js';
export {
  entryIntoForceFor,
  membershipOn,
  withdrawalEffective,
  STATUTE_IN_FORCE,
  type MembershipOnDate,
  type PendingWithdrawal,
} from './membership.js';
export { isOutstanding, isOutstandingOn, statusOn } from './warrant-status.js';
export { addDays, addYears, dayNumber, eachDay, formatDay } from './dates.js';
